package eu.koopera.networks;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;

import java.util.List;
import java.util.UUID;

/** Meetings of networks and their calendar files. Roles are checked in {@link MeetingService}. */
@Controller("/api")
@Consumes(MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class MeetingController {

    private final MeetingService service;

    MeetingController(MeetingService service) {
        this.service = service;
    }

    @Post("/networks/{id}/meetings")
    HttpResponse<MeetingResponse> create(@PathVariable UUID id, @Body @Valid MeetingCommand command) {
        MeetingResponse created = service.create(id, command);
        return HttpResponse.created(created, UriBuilder.of("/api/meetings").path(created.id().toString()).build());
    }

    @Get("/networks/{id}/meetings")
    List<MeetingResponse> list(@PathVariable UUID id) {
        return service.list(id);
    }

    @Get("/meetings/{id}")
    MeetingResponse get(@PathVariable UUID id) {
        return service.get(id);
    }

    @Put("/meetings/{id}")
    MeetingResponse update(@PathVariable UUID id, @Body @Valid MeetingCommand command) {
        return service.update(id, command);
    }

    @Put("/meetings/{id}/attendance")
    MeetingResponse recordAttendance(@PathVariable UUID id, @Body @Valid AttendanceCommand command) {
        return service.recordAttendance(id, command);
    }

    @Get("/meetings/{id}/calendar.ics")
    HttpResponse<byte[]> calendar(@PathVariable UUID id) {
        return CalendarController.download(service.calendar(id));
    }
}
