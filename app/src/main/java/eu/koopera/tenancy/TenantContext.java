package eu.koopera.tenancy;

import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads and switches the tenant a piece of work runs for.
 *
 * <p>Switching is refused while a connection is open in the current context: that connection is already bound to
 * a schema, so statements after the switch would still land in the old one.
 */
@Singleton
public class TenantContext {

    private final ConnectionOperations<Connection> connections;

    public TenantContext(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    /** The tenant of the current context, if any. */
    public Optional<CurrentTenant> current() {
        return PropagatedContext.find().flatMap(context -> context.find(CurrentTenant.class));
    }

    /** The tenant of the current context; fails when the work is not running for a tenant. */
    public CurrentTenant require() {
        return current().orElseThrow(() -> new IllegalStateException("No tenant bound to the current context"));
    }

    /** Runs {@code work} for {@code tenant}: every connection it checks out is bound to the tenant's schema. */
    public <T> T callAs(CurrentTenant tenant, Supplier<T> work) {
        if (connections.findConnectionStatus().isPresent()) {
            throw new IllegalStateException("Cannot switch tenant while a connection is open");
        }
        try (PropagatedContext.Scope ignored = PropagatedContext.getOrEmpty().plus(tenant).propagate()) {
            return work.get();
        }
    }

    /** Runs {@code work} for {@code tenant}. */
    public void runAs(CurrentTenant tenant, Runnable work) {
        callAs(tenant, () -> {
            work.run();
            return null;
        });
    }
}
