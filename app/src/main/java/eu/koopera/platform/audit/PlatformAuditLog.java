package eu.koopera.platform.audit;

import eu.koopera.jooq.platform.tables.records.AuditLogRecord;
import eu.koopera.platform.web.ClientAddresses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.util.Arrays;
import java.util.List;

import static eu.koopera.jooq.platform.Tables.AUDIT_CHAIN;
import static eu.koopera.jooq.platform.Tables.AUDIT_LOG;

/**
 * Records operators' actions on tenants, and operators' security events, in {@code platform.audit_log}, chained by
 * {@link AuditChain}. Appends lock the chain head row until their transaction ends, so concurrent writers queue
 * and never fork the chain; keep the audit write near the end of a transaction.
 */
@Singleton
public class PlatformAuditLog {

    private final DSLContext sql;
    private final ClientAddresses addresses;
    private final ChainedLog<AuditLogRecord> chain;

    public PlatformAuditLog(DSLContext sql, ClientAddresses addresses) {
        this.sql = sql;
        this.addresses = addresses;
        this.chain = new ChainedLog<>(sql, AUDIT_LOG, AUDIT_LOG.ID, AUDIT_LOG.PREV_HASH, AUDIT_LOG.HASH,
                new ChainedLog.Head(AUDIT_CHAIN, AUDIT_CHAIN.ID, AUDIT_CHAIN.LAST_ENTRY_ID, AUDIT_CHAIN.LAST_HASH),
                PlatformAuditLog::fields);
    }

    /**
     * Appends one entry, with the client address of the request being served, if any.
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
        record(actor, action, tenantCode, target, details, addresses.current().orElse(null));
    }

    /** Appends one entry from the given client address. */
    @Transactional
    public void record(String actor, String action, @Nullable String tenantCode, @Nullable String target,
                       @Nullable String details, @Nullable String clientAddress) {
        String previous = chain.lockHead();
        AuditLogRecord row = sql.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.ACTOR, actor)
                .set(AUDIT_LOG.ACTION, action)
                .set(AUDIT_LOG.TENANT_CODE, tenantCode)
                .set(AUDIT_LOG.TARGET, target)
                .set(AUDIT_LOG.DETAILS, details)
                .set(AUDIT_LOG.CLIENT_ADDRESS, clientAddress)
                .returning().fetchSingle();
        chain.seal(row, previous);
    }

    /** Checks the chain from its first entry to the last the head row names. */
    @Transactional
    public AuditVerification verify() {
        return chain.verify();
    }

    private static List<String> fields(AuditLogRecord row) {
        return Arrays.asList(Long.toString(row.getId()), AuditChain.text(row.getOccurredAt()), row.getActor(),
                row.getAction(), row.getTenantCode(), row.getTarget(), row.getDetails(), row.getClientAddress());
    }
}
