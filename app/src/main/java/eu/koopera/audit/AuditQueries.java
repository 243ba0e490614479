package eu.koopera.audit;

import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.List;

import static eu.koopera.jooq.tenant.Tables.AUDIT_LOG;

/** Reads the current tenant's audit log. */
@Singleton
class AuditQueries {

    private final DSLContext sql;
    private final TenantAuditLog log;
    private final AuditChanges changes;

    AuditQueries(DSLContext sql, TenantAuditLog log, AuditChanges changes) {
        this.sql = sql;
        this.log = log;
        this.changes = changes;
    }

    AuditPage find(AuditFilter filter, int page, int size) {
        return find(filter, page, size, false);
    }

    /** As {@link #find(AuditFilter, int, int)}; {@code changesOnly} leaves out security events. */
    AuditPage find(AuditFilter filter, int page, int size, boolean changesOnly) {
        List<Condition> conditions = new ArrayList<>();
        if (changesOnly) {
            conditions.add(AUDIT_LOG.ACTION.ne(AuditAction.SECURITY.name()));
        }
        if (filter.entityType() != null) {
            conditions.add(AUDIT_LOG.ENTITY_TYPE.eq(filter.entityType()));
        }
        if (filter.entityId() != null) {
            conditions.add(AUDIT_LOG.ENTITY_ID.eq(filter.entityId()));
        }
        if (filter.actor() != null) {
            conditions.add(AUDIT_LOG.ACTOR.eq(filter.actor()));
        }
        if (filter.action() != null) {
            conditions.add(AUDIT_LOG.ACTION.eq(filter.action().name()));
        }
        if (filter.from() != null) {
            conditions.add(AUDIT_LOG.OCCURRED_AT.ge(filter.from().atOffset(java.time.ZoneOffset.UTC)));
        }
        if (filter.to() != null) {
            conditions.add(AUDIT_LOG.OCCURRED_AT.lt(filter.to().atOffset(java.time.ZoneOffset.UTC)));
        }
        Condition where = DSL.and(conditions);
        int total = sql.fetchCount(AUDIT_LOG, where);
        List<AuditEntry> items = sql.selectFrom(AUDIT_LOG).where(where)
                .orderBy(AUDIT_LOG.OCCURRED_AT.desc(), AUDIT_LOG.ID.desc())
                .limit(size).offset((long) page * size)
                .fetch(row -> new AuditEntry(row.getId(), row.getOccurredAt().toInstant(), row.getActor(),
                        AuditAction.valueOf(row.getAction()), row.getEntityType(), row.getEntityId(),
                        row.getSummary(), text(row.getBeforeState()), text(row.getAfterState()), row.getEvent(),
                        log.params(row.getParams()), row.getClientAddress(),
                        changes.between(text(row.getBeforeState()), text(row.getAfterState()))));
        return new AuditPage(items, page, size, total);
    }

    private static String text(JSONB value) {
        return value == null ? null : value.data();
    }
}
