package eu.koopera.events;

import eu.koopera.networks.CalendarFile;
import eu.koopera.platform.tabular.TableFormat;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** What an event gives out: its calendar file, programme, lists and check-in sheet. Roles are checked in services. */
@Controller("/api/events")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class EventListsController {

    private final EventService events;
    private final EventExportService exports;
    private final AttendanceService attendance;

    EventListsController(EventService events, EventExportService exports, AttendanceService attendance) {
        this.events = events;
        this.exports = exports;
        this.attendance = attendance;
    }

    @Get("/{id}/calendar.ics")
    HttpResponse<byte[]> calendar(@PathVariable UUID id) {
        CalendarFile file = events.calendar(id);
        return HttpResponse.ok(file.content().getBytes(StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_TYPE, "text/calendar; charset=utf-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file.filename() + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }

    @Get("/{id}/programme")
    List<ProgrammeDay> programme(@PathVariable UUID id) {
        return events.programme(id);
    }

    @Get("/{id}/participants")
    HttpResponse<byte[]> participants(@PathVariable UUID id, @QueryValue(defaultValue = "csv") String format,
                                      @QueryValue @Nullable RegistrationStatus status) {
        TableFormat tableFormat = TableFormat.named(format);
        return tableFormat.attachment("participants", exports.participants(id, status, tableFormat));
    }

    @Get("/{id}/host-list")
    HttpResponse<byte[]> hostList(@PathVariable UUID id, @QueryValue(defaultValue = "csv") String format) {
        TableFormat tableFormat = TableFormat.named(format);
        return tableFormat.attachment("host-list", exports.hostList(id, tableFormat));
    }

    @Get("/{id}/attendance")
    AttendanceSheet attendance(@PathVariable UUID id) {
        return attendance.sheet(id);
    }
}
