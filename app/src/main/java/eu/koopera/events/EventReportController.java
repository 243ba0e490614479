package eu.koopera.events;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;

import java.util.UUID;

/** After the event: check-in, the report and the feedback. Roles are checked in the services. */
@Controller("/api")
@Consumes(MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class EventReportController {

    private final EventReportService reports;
    private final AttendanceService attendance;

    EventReportController(EventReportService reports, AttendanceService attendance) {
        this.reports = reports;
        this.attendance = attendance;
    }

    @Post("/registrations/{id}/check-in")
    AttendanceRow checkIn(@PathVariable UUID id, @Body @Valid CheckInCommand command) {
        return attendance.checkIn(id, command);
    }

    @Get("/events/{id}/report")
    EventReportResponse report(@PathVariable UUID id) {
        return reports.report(id);
    }

    @Put("/events/{id}/report")
    EventReportResponse saveReport(@PathVariable UUID id, @Body @Valid EventReportCommand command) {
        return reports.saveReport(id, command);
    }

    @Post("/registrations/{id}/feedback")
    HttpResponse<Void> giveFeedback(@PathVariable UUID id, @Body @Valid FeedbackCommand command) {
        reports.giveFeedback(id, command);
        return HttpResponse.noContent();
    }

    @Get("/events/{id}/feedback")
    FeedbackResults feedback(@PathVariable UUID id) {
        return reports.feedback(id);
    }
}
