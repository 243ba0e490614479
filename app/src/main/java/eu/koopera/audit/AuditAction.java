package eu.koopera.audit;

/** What happened to an audited entity. */
public enum AuditAction {
    CREATE,
    UPDATE,
    DELETE
}
