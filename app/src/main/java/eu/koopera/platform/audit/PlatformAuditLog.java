package eu.koopera.platform.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import static eu.koopera.jooq.platform.Tables.AUDIT_LOG;

/** Records operators' actions on tenants in {@code platform.audit_log}. */
@Singleton
public class PlatformAuditLog {

    private final DSLContext sql;

    public PlatformAuditLog(DSLContext sql) {
        this.sql = sql;
    }

    /**
     * Appends one entry.
     *
     * @param actor      who acted
     * @param action     what they did, such as {@code tenant.created}
     * @param tenantCode the tenant concerned, if any
     * @param target     what was acted upon
     * @param details    a short description of the change
     */
    @Transactional
    public void record(String actor, String action, @Nullable String tenantCode, @Nullable String target,
                       @Nullable String details) {
        sql.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.ACTOR, actor)
                .set(AUDIT_LOG.ACTION, action)
                .set(AUDIT_LOG.TENANT_CODE, tenantCode)
                .set(AUDIT_LOG.TARGET, target)
                .set(AUDIT_LOG.DETAILS, details)
                .execute();
    }
}
