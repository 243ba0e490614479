package eu.koopera.audit;

import eu.koopera.platform.audit.AuditVerification;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** The association's audit log, newest first, filtered by entity, actor, action and time. */
@Controller("/api/audit")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditController {

    private final AuditService service;

    AuditController(AuditService service) {
        this.service = service;
    }

    @Get
    AuditPage find(@QueryValue @Nullable @Size(max = 32) String entityType,
                   @QueryValue @Nullable @Size(max = 64) String entityId,
                   @QueryValue @Nullable @Size(max = 64) String actor,
                   @QueryValue @Nullable AuditAction action,
                   @QueryValue @Nullable Instant from,
                   @QueryValue @Nullable Instant to,
                   @QueryValue(defaultValue = "0") @Min(0) int page,
                   @QueryValue(defaultValue = "50") @Min(1) @Max(200) int size) {
        return service.find(new AuditFilter(entityType, entityId, actor, action, from, to), page, size);
    }

    /** Checks the hash chain: ok, or the first broken entry's id. */
    @Get("/verify")
    AuditVerification verify() {
        return service.verify();
    }
}
