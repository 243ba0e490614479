package eu.koopera.ui.session;

import eu.koopera.tenancy.CurrentTenant;
import io.micronaut.core.propagation.PropagatedContext;
import jakarta.inject.Singleton;

import java.util.function.Supplier;

/**
 * Calls the platform's services for the signed-in account: its {@link eu.koopera.platform.security.Caller} and
 * tenant go into the propagated context exactly as the REST filter puts them there for an API request, so every
 * service applies the same authorisation and every statement lands in the account's own tenant schema.
 */
@Singleton
public class Backend {

    private final UiSessions sessions;

    public Backend(UiSessions sessions) {
        this.sessions = sessions;
    }

    public <T> T call(Supplier<T> work) {
        SignedIn signedIn = sessions.require();
        PropagatedContext context = PropagatedContext.getOrEmpty().plus(signedIn.caller());
        CurrentTenant tenant = signedIn.tenant();
        if (tenant != null) {
            context = context.plus(tenant);
        }
        try (PropagatedContext.Scope ignored = context.propagate()) {
            return work.get();
        }
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Work for a tenant chosen before anyone signs in, such as checking a login inside it. */
    public <T> T callForTenant(CurrentTenant tenant, Supplier<T> work) {
        try (PropagatedContext.Scope ignored = PropagatedContext.getOrEmpty().plus(tenant).propagate()) {
            return work.get();
        }
    }
}
