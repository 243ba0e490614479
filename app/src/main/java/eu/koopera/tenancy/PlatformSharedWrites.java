package eu.koopera.tenancy;

import eu.koopera.platform.audit.PlatformAuditLog;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.CallerContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.util.function.Supplier;

/**
 * The one way to write the platform's own rows of the {@code shared} schema (those that belong to no association,
 * such as platform-wide definitions): for platform operators only, outside any tenant, recorded in the platform
 * audit log in the same transaction. It sets the transaction-local {@code koopera.platform_write}, which only the
 * write policies of such tables honour.
 */
@Singleton
public class PlatformSharedWrites {

    private final CallerContext callers;
    private final TenantContext tenants;
    private final PlatformAuditLog audit;
    private final DSLContext sql;

    public PlatformSharedWrites(CallerContext callers, TenantContext tenants, PlatformAuditLog audit,
                                DSLContext sql) {
        this.callers = callers;
        this.tenants = tenants;
        this.audit = audit;
        this.sql = sql;
    }

    /**
     * Runs {@code work}, which may write the platform's shared rows, and records who did it.
     *
     * @param action what is done, as the audit log shows it (such as {@code indicator.create})
     * @param target what it is done to
     */
    @Transactional
    public <T> T write(String action, @Nullable String target, Supplier<T> work) {
        Caller operator = callers.requireOperator();
        if (tenants.current().isPresent()) {
            throw new IllegalStateException("Platform writes run outside any tenant");
        }
        audit.record(operator.username(), action, null, target, null);
        sql.execute("SELECT set_config('koopera.platform_write', 'on', true)");
        return work.get();
    }
}
