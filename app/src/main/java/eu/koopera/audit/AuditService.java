package eu.koopera.audit;

import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.security.Roles;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/** Lets association administrators browse their audit log. */
@Singleton
public class AuditService {

    private final CallerContext callers;
    private final AuditQueries queries;

    public AuditService(CallerContext callers, AuditQueries queries) {
        this.callers = callers;
        this.queries = queries;
    }

    @Transactional(readOnly = true)
    public AuditPage find(AuditFilter filter, int page, int size) {
        callers.requireTenantRole(Roles.ASSOCIATION_ADMIN);
        return queries.find(filter, page, size);
    }
}
