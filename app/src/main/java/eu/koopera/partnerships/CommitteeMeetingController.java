package eu.koopera.partnerships;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** The meetings of a twinning committee. Roles are checked in {@link CommitteeMeetingService}. */
@Controller("/api/agreements/{id}/meetings")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class CommitteeMeetingController {

    private final CommitteeMeetingService meetings;

    CommitteeMeetingController(CommitteeMeetingService meetings) {
        this.meetings = meetings;
    }

    @Get
    List<CommitteeMeeting> list(@PathVariable UUID id) {
        return meetings.list(id);
    }

    @Post
    HttpResponse<CommitteeMeeting> add(@PathVariable UUID id, @Body @Valid CommitteeMeetingCommand command) {
        return HttpResponse.created(meetings.add(id, command));
    }

    @Get("/{meetingId}/calendar.ics")
    HttpResponse<byte[]> calendar(@PathVariable UUID id, @PathVariable UUID meetingId) {
        return HttpResponse.ok(meetings.calendar(id, meetingId).getBytes(StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_TYPE, "text/calendar; charset=utf-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"meeting-" + meetingId + ".ics\"")
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }
}
