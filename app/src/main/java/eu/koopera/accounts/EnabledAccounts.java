package eu.koopera.accounts;

import eu.koopera.platform.security.Caller;
import eu.koopera.tenancy.AccountDirectory;
import eu.koopera.tenancy.CurrentTenant;
import eu.koopera.tenancy.TenantContext;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Optional;

/** The accounts as they are now, for tenancy's admission of signed-in callers. */
@Singleton
class EnabledAccounts implements AccountDirectory {

    private final TenantContext tenants;
    private final AccountQueries queries;

    EnabledAccounts(TenantContext tenants, AccountQueries queries) {
        this.tenants = tenants;
        this.queries = queries;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Account> findEnabled(Caller claimed) {
        if (claimed.tenantCode() == null) {
            return queries.operator(claimed.username()).filter(AccountQueries.AccountRow::enabled)
                    .map(user -> new Account(new Caller(user.username(), null, user.roles()),
                            user.sessionsValidAfter()));
        }
        Optional<CurrentTenant> tenant = tenants.current().filter(bound -> bound.code().equals(claimed.tenantCode()));
        if (tenant.isEmpty()) {
            return Optional.empty();
        }
        return queries.tenantUser(claimed.username()).filter(AccountQueries.AccountRow::enabled)
                .map(user -> new Account(new Caller(user.username(), tenant.get().code(), user.roles()),
                        user.sessionsValidAfter()));
    }
}
