package eu.koopera.tenancy;

import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.audit.PlatformAuditLog;
import eu.koopera.platform.security.Caller;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.util.function.Supplier;

/**
 * The one way to read the {@code shared} schema across associations: for platform operators only, outside any
 * tenant, recorded in the platform audit log in the same transaction. It sets the transaction-local
 * {@code koopera.operator_read}, which the shared tables' read policies honour and no write policy does.
 */
@Singleton
public class CrossTenantReads {

    private final CallerContext callers;
    private final TenantContext tenants;
    private final PlatformAuditLog audit;
    private final DSLContext sql;

    public CrossTenantReads(CallerContext callers, TenantContext tenants, PlatformAuditLog audit, DSLContext sql) {
        this.callers = callers;
        this.tenants = tenants;
        this.audit = audit;
        this.sql = sql;
    }

    /**
     * Runs {@code work}, which may read every association's shared rows, and records who did it and why.
     *
     * @param purpose what the read is for, as the audit log shows it (such as {@code networks.report})
     */
    @Transactional
    public <T> T read(String purpose, Supplier<T> work) {
        Caller operator = callers.requireOperator();
        if (tenants.current().isPresent()) {
            throw new IllegalStateException("Cross-association reads run outside any tenant");
        }
        audit.record(operator.username(), "shared.read", null, purpose, null);
        sql.execute("SELECT set_config('koopera.operator_read', 'on', true)");
        return work.get();
    }
}
