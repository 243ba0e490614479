package eu.koopera.audit;

import eu.koopera.jooq.tenant.tables.records.AuditLogRecord;
import eu.koopera.platform.audit.AuditChain;
import eu.koopera.platform.audit.ChainedLog;
import eu.koopera.platform.audit.AuditVerification;
import eu.koopera.platform.database.JsonbColumns;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.web.ClientAddresses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.JSONB;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static eu.koopera.jooq.tenant.Tables.AUDIT_CHAIN;
import static eu.koopera.jooq.tenant.Tables.AUDIT_LOG;

/**
 * Writes the current tenant's audit log: who changed which entity, when, from which address, and its state before
 * and after. Joins the caller's transaction, so an entry exists exactly when the change it describes was committed.
 *
 * <p>The log is a hash chain ({@link AuditChain}): each append locks the tenant's chain head row until its
 * transaction ends, so concurrent writers queue and never fork the chain. Keep the audit write near the end of a
 * transaction, after the rows it describes are locked.
 */
@Singleton
public class TenantAuditLog {

    private static final String SYSTEM = "system";
    private static final int SUMMARY_LENGTH = 300;

    private final DSLContext sql;
    private final CallerContext callers;
    private final JsonbColumns json;
    private final ClientAddresses addresses;
    private final ChainedLog<AuditLogRecord> chain;

    public TenantAuditLog(DSLContext sql, CallerContext callers, JsonbColumns json, ClientAddresses addresses) {
        this.sql = sql;
        this.callers = callers;
        this.json = json;
        this.addresses = addresses;
        this.chain = new ChainedLog<>(sql, AUDIT_LOG, AUDIT_LOG.ID, AUDIT_LOG.PREV_HASH, AUDIT_LOG.HASH,
                new ChainedLog.Head(AUDIT_CHAIN, AUDIT_CHAIN.ID, AUDIT_CHAIN.LAST_ENTRY_ID, AUDIT_CHAIN.LAST_HASH),
                TenantAuditLog::fields);
    }

    /**
     * Appends one entry for the current caller.
     *
     * @param action     what happened
     * @param entityType the kind of entity, such as {@code member}
     * @param entityId   its id
     * @param message    what the entry says, translated by the UI; its parameters keep the entity's name
     * @param before     its state before the change (null for CREATE); serialised to JSON
     * @param after      its state after the change (null for DELETE); serialised to JSON
     */
    @Transactional
    public void record(AuditAction action, String entityType, Object entityId, AuditMessage message,
                       @Nullable Object before, @Nullable Object after) {
        recordAs(currentActor(), action, entityType, entityId, message, before, after);
    }

    /**
     * Appends one entry with a plain summary only, as before structured messages; prefer
     * {@link #record(AuditAction, String, Object, AuditMessage, Object, Object)}.
     */
    @Transactional
    public void record(AuditAction action, String entityType, Object entityId, @Nullable String summary,
                       @Nullable Object before, @Nullable Object after) {
        append(currentActor(), action, entityType, entityId, summary, null, before, after,
                addresses.current().orElse(null));
    }

    /**
     * Appends one entry for an actor who is not the authenticated caller, such as someone accepting an
     * invitation without an account yet.
     */
    @Transactional
    public void recordAs(String actor, AuditAction action, String entityType, Object entityId,
                         AuditMessage message, @Nullable Object before, @Nullable Object after) {
        append(actor, action, entityType, entityId, message.summary(), message, before, after,
                addresses.current().orElse(null));
    }

    /** Appends one entry with the client address given, for security events. */
    @Transactional
    void recordFrom(String actor, AuditAction action, String entityType, Object entityId, AuditMessage message,
                    @Nullable String clientAddress) {
        append(actor, action, entityType, entityId, message.summary(), message, null, null, clientAddress);
    }

    /** Checks the tenant's chain from its first entry to the last its head row names. */
    @Transactional
    public AuditVerification verify() {
        return chain.verify();
    }

    private String currentActor() {
        return callers.current().map(Caller::username).orElse(SYSTEM);
    }

    private void append(String actor, AuditAction action, String entityType, Object entityId,
                        @Nullable String summary, @Nullable AuditMessage message, @Nullable Object before,
                        @Nullable Object after, @Nullable String clientAddress) {
        String previous = chain.lockHead();
        AuditLogRecord row = sql.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.ACTOR, actor)
                .set(AUDIT_LOG.ACTION, action.name())
                .set(AUDIT_LOG.ENTITY_TYPE, entityType)
                .set(AUDIT_LOG.ENTITY_ID, String.valueOf(entityId))
                .set(AUDIT_LOG.SUMMARY, summary == null || summary.length() <= SUMMARY_LENGTH ? summary
                        : summary.substring(0, SUMMARY_LENGTH))
                .set(AUDIT_LOG.BEFORE_STATE, toJson(before))
                .set(AUDIT_LOG.AFTER_STATE, toJson(after))
                .set(AUDIT_LOG.EVENT, message == null ? null : message.event())
                .set(AUDIT_LOG.PARAMS, message == null || message.params().isEmpty() ? null
                        : json.write(message.params()))
                .set(AUDIT_LOG.CLIENT_ADDRESS, clientAddress)
                .returning().fetchSingle();
        chain.seal(row, previous);
    }

    /** The fields the chain covers, in a fixed order; jsonb as PostgreSQL prints it, which is canonical. */
    private static List<String> fields(AuditLogRecord row) {
        return Arrays.asList(Long.toString(row.getId()), AuditChain.text(row.getOccurredAt()), row.getActor(),
                row.getAction(), row.getEntityType(), row.getEntityId(), row.getSummary(),
                text(row.getBeforeState()), text(row.getAfterState()), row.getEvent(), text(row.getParams()),
                row.getClientAddress());
    }

    private static @Nullable String text(@Nullable JSONB value) {
        return value == null ? null : value.data();
    }

    private @Nullable JSONB toJson(@Nullable Object state) {
        return state == null ? null : json.write(state);
    }

    /** Reads stored parameters back. */
    Map<String, String> params(@Nullable JSONB stored) {
        return stored == null ? Map.of() : json.read(stored, Argument.mapOf(String.class, String.class));
    }
}
