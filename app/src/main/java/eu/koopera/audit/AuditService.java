package eu.koopera.audit;

import eu.koopera.platform.audit.AuditVerification;
import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.security.Roles;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;

/** Lets association administrators browse their audit log and check that no one has tampered with it. */
@Singleton
public class AuditService {

    private final CallerContext callers;
    private final AuditQueries queries;
    private final TenantAuditLog log;

    public AuditService(CallerContext callers, AuditQueries queries, TenantAuditLog log) {
        this.callers = callers;
        this.queries = queries;
        this.log = log;
    }

    @Transactional(readOnly = true)
    public AuditPage find(AuditFilter filter, int page, int size) {
        callers.requireTenantRole(Roles.ASSOCIATION_ADMIN);
        return queries.find(filter, page, size);
    }

    /** The newest changes to the association's records, newest first, without sign-ins and other security events. */
    @Transactional(readOnly = true)
    public List<AuditEntry> recentChanges(int count) {
        callers.requireTenantRole(Roles.ASSOCIATION_ADMIN);
        return queries.find(new AuditFilter(null, null, null, null, null, null), 0, count, true).items();
    }

    /**
     * Checks the association's audit log hash chain.
     *
     * @return ok, or the first entry that does not fit the chain
     */
    public AuditVerification verify() {
        callers.requireTenantRole(Roles.ASSOCIATION_ADMIN);
        return log.verify();
    }
}
