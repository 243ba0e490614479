package eu.koopera.accounts;

import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.PasswordHasher;
import eu.koopera.platform.security.Roles;

import eu.koopera.platform.web.ApiException;
import eu.koopera.tenancy.CurrentTenant;
import eu.koopera.tenancy.TenantContext;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a username and password, for the API and the UI alike. Tenant users are looked up in the tenant bound to
 * the current context, operators when no tenant is bound.
 *
 * <p>After {@link AuthSettings#maxFailedLogins()} failures in a row an account is locked for
 * {@link AuthSettings#lockDuration()}, whatever password is tried meanwhile. Unknown names cost as much time as
 * wrong passwords, so that response times do not reveal which accounts exist.
 */
@Singleton
public class LoginService {

    private final TenantContext tenants;
    private final TenantUserRepository tenantUsers;
    private final PlatformUserRepository platformUsers;
    private final PasswordHasher hasher;
    private final AuthSettings settings;
    private final Clock clock = Clock.systemUTC();

    public LoginService(TenantContext tenants, TenantUserRepository tenantUsers, PlatformUserRepository platformUsers,
                        PasswordHasher hasher, AuthSettings settings) {
        this.tenants = tenants;
        this.tenantUsers = tenantUsers;
        this.platformUsers = platformUsers;
        this.hasher = hasher;
        this.settings = settings;
    }

    /**
     * The verified caller for these credentials.
     *
     * @throws ApiException.Unauthorized    for a wrong name or password
     * @throws ApiException.TooManyAttempts while the account is locked
     * @throws ApiException.Forbidden       for a disabled account
     */
    public LoginResult authenticate(String username, String password) {
        Optional<CurrentTenant> tenant = tenants.current();
        Optional<Account> account = tenant.isPresent() ? findTenantUser(username) : findOperator(username);
        if (account.isEmpty()) {
            hasher.verifyDecoy(password);
            throw wrongCredentials();
        }
        Account found = account.get();
        Instant now = clock.instant();
        if (found.lockedUntil() != null && found.lockedUntil().isAfter(now)) {
            throw locked(Duration.between(now, found.lockedUntil()));
        }
        if (!hasher.matches(password, found.passwordHash())) {
            int failures = found.failedLogins() + 1;
            Instant lockedUntil = failures >= settings.maxFailedLogins() ? now.plus(settings.lockDuration()) : null;
            found.store().recordFailures(found.id(), lockedUntil == null ? failures : 0, lockedUntil);
            if (lockedUntil != null) {
                throw locked(settings.lockDuration());
            }
            throw wrongCredentials();
        }
        if (!found.active()) {
            throw new ApiException.Forbidden("This account is disabled.");
        }
        if (found.failedLogins() > 0 || found.lockedUntil() != null) {
            found.store().recordFailures(found.id(), 0, null);
        }
        return new LoginResult(new Caller(found.username(), tenant.map(CurrentTenant::code).orElse(null),
                found.roles()), found.locale());
    }

    private Optional<Account> findTenantUser(String username) {
        return tenantUsers.findByUsername(username).map(user -> new Account(user.id(), user.username(),
                user.passwordHash(), user.roleSet(), user.failedLogins(), user.lockedUntil(),
                TenantUser.ACTIVE.equals(user.status()), user.locale(), tenantUsers::update));
    }

    private Optional<Account> findOperator(String username) {
        return platformUsers.findByUsername(username).map(user -> new Account(user.id(), user.username(),
                user.passwordHash(), Set.of(Roles.PLATFORM_OPERATOR), user.failedLogins(), user.lockedUntil(), true,
                user.locale(), platformUsers::update));
    }

    private static ApiException wrongCredentials() {
        return new ApiException.Unauthorized("Wrong username or password.");
    }

    private static ApiException locked(Duration remaining) {
        long seconds = Math.max(1, remaining.toSeconds());
        return new ApiException.TooManyAttempts("Too many failed logins: the account is locked for "
                + Math.max(1, (seconds + 59) / 60) + " more minute(s).", seconds);
    }

    /**
     * A successful login.
     *
     * @param caller who logged in
     * @param locale the account's preferred language, if chosen
     */
    public record LoginResult(Caller caller, @Nullable String locale) {
    }

    private interface FailureStore {
        void recordFailures(Long id, int failedLogins, @Nullable Instant lockedUntil);
    }

    private record Account(Long id, String username, String passwordHash, Set<String> roles, int failedLogins,
                           @Nullable Instant lockedUntil, boolean active, @Nullable String locale,
                           FailureStore store) {
    }
}
