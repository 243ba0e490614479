package eu.koopera.tenancy;

import eu.koopera.platform.security.Caller;
import io.micronaut.core.annotation.Nullable;

/**
 * What a unit of work has been admitted as: who calls (if anyone signed in) and for which tenant (if any).
 * {@link TenantAdmission} produces admissions and is the only one that binds them to a context.
 *
 * @param caller the verified caller with their current roles, or null for anonymous work
 * @param tenant the admitted tenant, or null for platform work
 */
public record Admission(@Nullable Caller caller, @Nullable Tenant tenant) {

    /** Anonymous work inside {@code tenant}, such as checking a login or following an invitation link. */
    public static Admission of(Tenant tenant) {
        return new Admission(null, tenant);
    }
}
