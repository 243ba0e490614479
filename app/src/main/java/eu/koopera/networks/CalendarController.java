package eu.koopera.networks;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.util.HttpHostResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.constraints.Size;

import java.nio.charset.StandardCharsets;

/**
 * Personal calendar subscriptions: the signed-in user creates, rotates and revokes their feed address; calendar
 * applications fetch the feed anonymously, the token in the address standing for the user.
 * {@link CalendarFeedService} checks roles and binds the association for the anonymous feed.
 */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
class CalendarController {

    static final String CALENDAR_TYPE = "text/calendar; charset=utf-8";

    private final CalendarFeedService service;
    private final HttpHostResolver hosts;

    CalendarController(CalendarFeedService service, HttpHostResolver hosts) {
        this.service = service;
        this.hosts = hosts;
    }

    /** Creates the caller's feed address, or a new one in place of the old; the address is shown only now. */
    @Post("/me/calendar-token")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<CalendarTokenResponse> issue(HttpRequest<?> request) {
        return HttpResponse.created(service.issue(hosts.resolve(request)));
    }

    @Delete("/me/calendar-token")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<Void> revoke() {
        service.revoke();
        return HttpResponse.noContent();
    }

    @Get("/calendar/{token}.ics")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<byte[]> feed(@PathVariable @Size(max = 64) String token) {
        return download(service.feed(token));
    }

    /** An iCalendar file as a download, whatever the client's sniffing would make of it. */
    static HttpResponse<byte[]> download(CalendarFile file) {
        return HttpResponse.ok(file.content().getBytes(StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_TYPE, CALENDAR_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file.filename() + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }
}
