package eu.koopera.tenancy;

import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.CurrentWork;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.propagation.PropagatedContext;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Reads the tenant and the caller a piece of work runs for: those bound explicitly by {@link TenantAdmission}
 * (API requests, login, invitation links, jobs) or, failing that, the {@link AmbientAdmission} of the UI round trip.
 * Binding is {@link TenantAdmission}'s job alone.
 */
@Singleton
public class TenantContext implements CurrentWork {

    private final BeanProvider<AmbientAdmission> ambient;

    public TenantContext(BeanProvider<AmbientAdmission> ambient) {
        this.ambient = ambient;
    }

    /** The tenant of the current context, if any. */
    public Optional<CurrentTenant> current() {
        Optional<PropagatedContext> bound = PropagatedContext.find();
        if (bound.isPresent() && bound.get().find(CurrentTenant.class).isPresent()) {
            return bound.get().find(CurrentTenant.class);
        }
        if (bound.isPresent() && bound.get().find(Caller.class).isPresent()) {
            return Optional.empty(); // explicitly bound work without a tenant, such as an operator's request
        }
        return ambient().flatMap(admission -> Optional.ofNullable(admission.tenant()).map(Tenant::binding));
    }

    /** The tenant of the current context; fails when the work is not running for a tenant. */
    public CurrentTenant require() {
        return current().orElseThrow(() -> new IllegalStateException("No tenant bound to the current context"));
    }

    @Override
    public Optional<String> tenantCode() {
        return current().map(CurrentTenant::code);
    }

    @Override
    public Optional<String> tenantLocale() {
        return current().map(CurrentTenant::locale);
    }

    /** Who the current work runs for, if anyone signed in. */
    @Override
    public Optional<Caller> caller() {
        Optional<PropagatedContext> bound = PropagatedContext.find();
        if (bound.isPresent() && (bound.get().find(Caller.class).isPresent()
                || bound.get().find(CurrentTenant.class).isPresent())) {
            return bound.get().find(Caller.class);
        }
        return ambient().map(Admission::caller);
    }

    private Optional<Admission> ambient() {
        return ambient.isPresent() ? ambient.get().current() : Optional.empty();
    }
}
