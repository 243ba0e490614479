package eu.koopera.platform.audit;

import eu.koopera.jooq.platform.tables.records.AuditLogRecord;
import eu.koopera.platform.web.ClientAddresses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.Record2;

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

    private static final short HEAD = 1;
    private static final int PAGE = 1_000;

    private final DSLContext sql;
    private final ClientAddresses addresses;

    public PlatformAuditLog(DSLContext sql, ClientAddresses addresses) {
        this.sql = sql;
        this.addresses = addresses;
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
        String previous = lockHead();
        AuditLogRecord row = sql.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.ACTOR, actor)
                .set(AUDIT_LOG.ACTION, action)
                .set(AUDIT_LOG.TENANT_CODE, tenantCode)
                .set(AUDIT_LOG.TARGET, target)
                .set(AUDIT_LOG.DETAILS, details)
                .set(AUDIT_LOG.CLIENT_ADDRESS, clientAddress)
                .returning().fetchSingle();
        seal(row, previous);
    }

    /** Checks the chain from its first entry to the last the head row names. */
    @Transactional
    public AuditVerification verify() {
        Record2<Long, String> head = sql.select(AUDIT_CHAIN.LAST_ENTRY_ID, AUDIT_CHAIN.LAST_HASH).from(AUDIT_CHAIN)
                .where(AUDIT_CHAIN.ID.eq(HEAD)).fetchSingle();
        if (head.value2() == null) {
            lockHead(); // chains the entries from before the chain, if any
            head = sql.select(AUDIT_CHAIN.LAST_ENTRY_ID, AUDIT_CHAIN.LAST_HASH).from(AUDIT_CHAIN)
                    .where(AUDIT_CHAIN.ID.eq(HEAD)).fetchSingle();
        }
        long limit = head.value1() == null ? Long.MAX_VALUE : head.value1();
        AuditChain.Walk walk = new AuditChain.Walk();
        Long last = null;
        long after = Long.MIN_VALUE;
        boolean going = true;
        while (going) {
            List<AuditLogRecord> rows = sql.selectFrom(AUDIT_LOG)
                    .where(AUDIT_LOG.ID.gt(after)).and(AUDIT_LOG.ID.le(limit))
                    .orderBy(AUDIT_LOG.ID).limit(PAGE).fetch();
            for (AuditLogRecord row : rows) {
                last = row.getId();
                if (!walk.next(row.getId(), row.getPrevHash(), row.getHash(), fields(row))) {
                    going = false;
                    break;
                }
            }
            going = going && rows.size() == PAGE;
            after = last == null ? after : last;
        }
        return walk.result(head.value1(), head.value2(), last);
    }

    /**
     * Locks the chain head until the transaction ends and returns the last entry's hash; on first use chains the
     * entries written before the chain existed, in id order from the genesis.
     */
    private String lockHead() {
        String last = sql.select(AUDIT_CHAIN.LAST_HASH).from(AUDIT_CHAIN).where(AUDIT_CHAIN.ID.eq(HEAD))
                .forUpdate().fetchSingle(AUDIT_CHAIN.LAST_HASH);
        if (last != null) {
            return last;
        }
        String previous = AuditChain.GENESIS;
        for (AuditLogRecord row : sql.selectFrom(AUDIT_LOG).where(AUDIT_LOG.HASH.isNull()).orderBy(AUDIT_LOG.ID)
                .fetch()) {
            previous = seal(row, previous);
        }
        return previous;
    }

    private String seal(AuditLogRecord row, String previous) {
        String hash = AuditChain.hash(previous, fields(row));
        sql.update(AUDIT_LOG).set(AUDIT_LOG.PREV_HASH, previous).set(AUDIT_LOG.HASH, hash)
                .where(AUDIT_LOG.ID.eq(row.getId())).execute();
        sql.update(AUDIT_CHAIN).set(AUDIT_CHAIN.LAST_ENTRY_ID, row.getId()).set(AUDIT_CHAIN.LAST_HASH, hash)
                .where(AUDIT_CHAIN.ID.eq(HEAD)).execute();
        return hash;
    }

    private static List<String> fields(AuditLogRecord row) {
        return Arrays.asList(Long.toString(row.getId()), AuditChain.text(row.getOccurredAt()), row.getActor(),
                row.getAction(), row.getTenantCode(), row.getTarget(), row.getDetails(), row.getClientAddress());
    }
}
