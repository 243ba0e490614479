package eu.koopera.platform.security;

import java.util.Optional;

/**
 * Who the current work runs for and inside which association, as tenancy has admitted and bound it. Tenancy
 * implements it; the platform reads it without knowing how tenants are bound.
 */
public interface CurrentWork {

    /** The caller the current work runs for, if anyone signed in. */
    Optional<Caller> caller();

    /** The code of the association the current work runs for, if any. */
    Optional<String> tenantCode();

    /** The language of the association the current work runs for ({@code lv}, {@code lt}, {@code en}), if any. */
    Optional<String> tenantLocale();
}
