package eu.koopera.platform.audit;

import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.security.Roles;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

/** Operators check that no one has tampered with the platform audit log. */
@Controller("/api/platform/audit")
@Secured(Roles.PLATFORM_OPERATOR)
@ExecuteOn(TaskExecutors.BLOCKING)
class PlatformAuditController {

    private final PlatformAuditLog log;
    private final CallerContext callers;

    PlatformAuditController(PlatformAuditLog log, CallerContext callers) {
        this.log = log;
        this.callers = callers;
    }

    /** Checks the hash chain: ok, or the first broken entry's id. */
    @Get("/verify")
    AuditVerification verify() {
        callers.requireOperator();
        return log.verify();
    }
}
