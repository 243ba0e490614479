package eu.koopera.partnerships;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** "Looking for a partner" announcements and their replies. Roles are checked in {@link AnnouncementService}. */
@Controller("/api/partner-announcements")
@Consumes(MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class AnnouncementController {

    private final AnnouncementService announcements;

    AnnouncementController(AnnouncementService announcements) {
        this.announcements = announcements;
    }

    @Post
    HttpResponse<AnnouncementResponse> create(@Body @Valid AnnouncementCommand command) {
        return HttpResponse.created(announcements.create(command));
    }

    @Get
    List<AnnouncementResponse> list(@QueryValue @Nullable AnnouncementStatus status,
                                    @QueryValue @Nullable @Size(max = 200) String theme) {
        return announcements.list(status, theme);
    }

    @Get("/{id}")
    AnnouncementResponse get(@PathVariable UUID id) {
        return announcements.get(id);
    }

    @Post("/{id}/close")
    AnnouncementResponse close(@PathVariable UUID id) {
        return announcements.close(id);
    }

    @Get("/{id}/replies")
    List<ReplyResponse> replies(@PathVariable UUID id) {
        return announcements.replies(id);
    }

    @Post("/{id}/replies")
    HttpResponse<ReplyResponse> reply(@PathVariable UUID id, @Body @Valid ReplyCommand command) {
        return HttpResponse.created(announcements.reply(id, command));
    }
}
