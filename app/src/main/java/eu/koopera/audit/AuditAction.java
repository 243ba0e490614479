package eu.koopera.audit;

/** What happened to an audited entity; {@link #SECURITY} for sign-ins and other security events on accounts. */
public enum AuditAction {
    CREATE,
    UPDATE,
    DELETE,
    SECURITY
}
