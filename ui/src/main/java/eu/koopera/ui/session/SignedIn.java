package eu.koopera.ui.session;

import eu.koopera.platform.security.Caller;
import eu.koopera.tenancy.CurrentTenant;
import io.micronaut.core.annotation.Nullable;

import java.io.Serializable;
import java.time.Instant;

/**
 * The account signed in to a UI session.
 *
 * @param caller     who, with their roles
 * @param tenant     their association's tenant, or null for platform operators
 * @param tenantName their association's name, or null for platform operators
 * @param signedInAt when the session began: it ends when the account's sessions are ended after that (password
 *                   changed, account disabled, signed out everywhere)
 */
public record SignedIn(Caller caller, @Nullable CurrentTenant tenant, @Nullable String tenantName,
                       Instant signedInAt) implements Serializable {

    /** A session beginning now. */
    public SignedIn(Caller caller, @Nullable CurrentTenant tenant, @Nullable String tenantName) {
        this(caller, tenant, tenantName, Instant.now());
    }

    /** This session with the account's roles as they are now. */
    public SignedIn withCaller(Caller current) {
        return new SignedIn(current, tenant, tenantName, signedInAt);
    }

    /** This session renewed now, after its owner changed the password in it. */
    public SignedIn renewed() {
        return new SignedIn(caller, tenant, tenantName, Instant.now());
    }

    public boolean hasRole(String role) {
        return caller.hasRole(role);
    }
}
