package eu.koopera.tenancy;

import eu.koopera.platform.security.Caller;

import java.util.Optional;

/**
 * Accounts as they stand now, for {@link TenantAdmission}'s check that a signed-in caller still exists, is still
 * enabled and with which roles. The accounts feature implements it; tenancy knows no feature.
 */
public interface AccountDirectory {

    /**
     * The enabled account {@code claimed} names, with its current roles: a platform operator when it names no
     * tenant, else a user of its tenant, which must be the one bound to the current context.
     */
    Optional<Caller> findEnabled(Caller claimed);
}
