package eu.koopera.platform.security;

import eu.koopera.platform.web.ApiException;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.Optional;

/**
 * Authorisation checks for services. The REST filter and the UI both put the {@link Caller} into the propagated
 * context, so a service applies the same rules whichever way it is reached.
 */
@Singleton
public class CallerContext {

    private final CurrentWork work;

    public CallerContext(CurrentWork work) {
        this.work = work;
    }

    public Optional<Caller> current() {
        return work.caller();
    }

    /** The caller, who must be a platform operator. */
    public Caller requireOperator() {
        Caller caller = current().orElseThrow(() -> new ApiException.Unauthorized("Authentication required."));
        if (!caller.isOperator()) {
            throw new ApiException.Forbidden("Only platform operators may do this.");
        }
        return caller;
    }

    /**
     * The caller, who must belong to the tenant the work runs for and hold at least one of {@code roles}.
     */
    public Caller requireTenantRole(String... roles) {
        Caller caller = current().orElseThrow(() -> new ApiException.Unauthorized("Authentication required."));
        if (caller.tenantCode() == null) {
            // an operator works on the platform, never inside an association's data: refused, not a bad request
            throw new ApiException.Forbidden("Platform operators do not work inside an association.");
        }
        String tenant = work.tenantCode()
                .orElseThrow(() -> new ApiException.BadRequest("This request needs a tenant."));
        if (!tenant.equals(caller.tenantCode())) {
            throw new ApiException.Forbidden("This account does not belong to the tenant.");
        }
        if (Arrays.stream(roles).noneMatch(caller::hasRole)) {
            throw new ApiException.Forbidden("This account lacks the role for this action.");
        }
        return caller;
    }

    /** Any user of the current tenant. */
    public Caller requireTenantUser() {
        return requireTenantRole(Roles.TENANT_ROLES.toArray(String[]::new));
    }
}
