package eu.koopera.audit;

import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.CallerContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.JSONB;

import java.io.IOException;
import java.io.UncheckedIOException;

import static eu.koopera.jooq.tenant.Tables.AUDIT_LOG;

/**
 * Writes the current tenant's audit log: who changed which entity, when, and its state before and after. Joins
 * the caller's transaction, so an entry exists exactly when the change it describes was committed.
 */
@Singleton
public class TenantAuditLog {

    private static final String SYSTEM = "system";

    private final DSLContext sql;
    private final CallerContext callers;
    private final JsonMapper json;

    public TenantAuditLog(DSLContext sql, CallerContext callers, JsonMapper json) {
        this.sql = sql;
        this.callers = callers;
        this.json = json;
    }

    /**
     * Appends one entry for the current caller.
     *
     * @param action     what happened
     * @param entityType the kind of entity, such as {@code member}
     * @param entityId   its id
     * @param summary    a short human-readable description, such as the member's name
     * @param before     its state before the change (null for CREATE); serialised to JSON
     * @param after      its state after the change (null for DELETE); serialised to JSON
     */
    @Transactional
    public void record(AuditAction action, String entityType, Object entityId, @Nullable String summary,
                       @Nullable Object before, @Nullable Object after) {
        recordAs(callers.current().map(Caller::username).orElse(SYSTEM), action, entityType, entityId, summary,
                before, after);
    }

    /**
     * Appends one entry for an actor who is not the authenticated caller, such as someone accepting an
     * invitation without an account yet.
     */
    @Transactional
    public void recordAs(String actor, AuditAction action, String entityType, Object entityId,
                         @Nullable String summary, @Nullable Object before, @Nullable Object after) {
        sql.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.ACTOR, actor)
                .set(AUDIT_LOG.ACTION, action.name())
                .set(AUDIT_LOG.ENTITY_TYPE, entityType)
                .set(AUDIT_LOG.ENTITY_ID, String.valueOf(entityId))
                .set(AUDIT_LOG.SUMMARY, summary == null || summary.length() <= 300 ? summary : summary.substring(0, 300))
                .set(AUDIT_LOG.BEFORE_STATE, toJson(before))
                .set(AUDIT_LOG.AFTER_STATE, toJson(after))
                .execute();
    }

    private @Nullable JSONB toJson(@Nullable Object state) {
        if (state == null) {
            return null;
        }
        try {
            return JSONB.valueOf(json.writeValueAsString(state));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serialise audit state", e);
        }
    }
}
