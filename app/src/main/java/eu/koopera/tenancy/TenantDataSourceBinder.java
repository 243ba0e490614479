package eu.koopera.tenancy;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;

import javax.sql.DataSource;

/**
 * Puts {@link TenantBoundDataSource} directly around the connection pool, before Micronaut's own transaction and
 * connection-context wrappers, so that every physical checkout passes through it exactly once.
 */
@Singleton
@Order(Ordered.HIGHEST_PRECEDENCE)
final class TenantDataSourceBinder implements BeanCreatedEventListener<DataSource> {

    private final BeanProvider<TenantContext> tenants;

    TenantDataSourceBinder(BeanProvider<TenantContext> tenants) {
        this.tenants = tenants;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource dataSource = event.getBean();
        return dataSource instanceof TenantBoundDataSource ? dataSource : new TenantBoundDataSource(dataSource, () -> tenants.get().current());
    }
}
