package eu.koopera.platform.mail;

import eu.koopera.platform.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Operators' view of the mail outbox. */
@Controller("/api/platform/mail")
@Secured(Roles.PLATFORM_OPERATOR)
@ExecuteOn(TaskExecutors.BLOCKING)
class MailController {

    private final MailOutbox outbox;

    MailController(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @Get
    MailOutboxPage list(@QueryValue @Nullable MailStatus status,
                        @QueryValue(defaultValue = "0") @Min(0) @Max(100_000) int page,
                        @QueryValue(defaultValue = "50") @Min(1) @Max(200) int size) {
        return outbox.list(status, page, size);
    }
}
