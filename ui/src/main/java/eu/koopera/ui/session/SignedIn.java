package eu.koopera.ui.session;

import eu.koopera.platform.security.Caller;
import eu.koopera.tenancy.CurrentTenant;
import io.micronaut.core.annotation.Nullable;

import java.io.Serializable;

/**
 * The account signed in to a UI session.
 *
 * @param caller     who, with their roles
 * @param tenant     their association's tenant, or null for platform operators
 * @param tenantName their association's name, or null for platform operators
 */
public record SignedIn(Caller caller, @Nullable CurrentTenant tenant, @Nullable String tenantName)
        implements Serializable {

    /** This session with the account's roles as they are now. */
    public SignedIn withCaller(Caller current) {
        return new SignedIn(current, tenant, tenantName);
    }

    public boolean hasRole(String role) {
        return caller.hasRole(role);
    }
}
