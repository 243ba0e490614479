package eu.koopera.accounts;

import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.Roles;
import eu.koopera.tenancy.AccountDirectory;
import eu.koopera.tenancy.CurrentTenant;
import eu.koopera.tenancy.TenantContext;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.Set;

/** The accounts as they are now, for tenancy's admission of signed-in callers. */
@Singleton
class EnabledAccounts implements AccountDirectory {

    private final TenantContext tenants;
    private final TenantUserRepository tenantUsers;
    private final PlatformUserRepository platformUsers;

    EnabledAccounts(TenantContext tenants, TenantUserRepository tenantUsers, PlatformUserRepository platformUsers) {
        this.tenants = tenants;
        this.tenantUsers = tenantUsers;
        this.platformUsers = platformUsers;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Caller> findEnabled(Caller claimed) {
        if (claimed.tenantCode() == null) {
            return platformUsers.findByUsername(claimed.username())
                    .map(user -> new Caller(user.username(), null, Set.of(Roles.PLATFORM_OPERATOR)));
        }
        Optional<CurrentTenant> tenant = tenants.current().filter(bound -> bound.code().equals(claimed.tenantCode()));
        if (tenant.isEmpty()) {
            return Optional.empty();
        }
        return tenantUsers.findByUsername(claimed.username())
                .filter(user -> TenantUser.ACTIVE.equals(user.status()))
                .map(user -> new Caller(user.username(), tenant.get().code(), user.roleSet()));
    }
}
