package eu.koopera.accounts;

import eu.koopera.audit.SecurityEvents;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.PasswordHasher;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.web.ApiException;
import eu.koopera.tenancy.CurrentTenant;
import eu.koopera.tenancy.TenantContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a username and password, for the API and the UI alike. Tenant users are looked up in the tenant bound to
 * the current context, operators when no tenant is bound.
 *
 * <p>Failures cost waiting time rather than a lock anyone could set ({@link LoginThrottleSettings}): after a few
 * failures from one client address on one account, that address waits, longer after each further failure; after
 * many from one address on any accounts, the whole address waits; and an account's failures in all, counted in
 * the database, make every address that has failed on it wait, while an address with a clean record still gets
 * in with the right password. Unknown names are counted like accounts and cost as much time as wrong passwords,
 * so that neither answers nor response times reveal which accounts exist.
 */
@Singleton
public class LoginService {

    private final TenantContext tenants;
    private final TenantUserRepository tenantUsers;
    private final PlatformUserRepository platformUsers;
    private final FailedLoginService failures;
    private final LoginThrottle throttle;
    private final PasswordHasher hasher;
    private final SecurityEvents events;

    private final AccountQueries accounts;
    private final PasswordService passwords;
    private final TransactionOperations<Connection> transactions;

    LoginService(TenantContext tenants, TenantUserRepository tenantUsers, PlatformUserRepository platformUsers,
                 FailedLoginService failures, LoginThrottle throttle, PasswordHasher hasher,
                 AccountQueries accounts, PasswordService passwords,
                 TransactionOperations<Connection> transactions, SecurityEvents events) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.transactions = transactions;
        this.tenants = tenants;
        this.tenantUsers = tenantUsers;
        this.platformUsers = platformUsers;
        this.failures = failures;
        this.throttle = throttle;
        this.hasher = hasher;
        this.events = events;
    }

    /**
     * The verified caller for these credentials.
     *
     * @param clientAddress where the attempt comes from, as {@code ClientAddresses} tells it
     * @throws ApiException.Unauthorized    for a wrong name or password
     * @throws ApiException.TooManyAttempts while this address must wait after failures, or when too many
     *                                      passwords are being checked at once
     * @throws ApiException.Forbidden       for a disabled account
     */
    public LoginResult authenticate(String username, String password, String clientAddress) {
        return authenticate(username, password, null, clientAddress);
    }

    /**
     * The verified caller for these credentials, as {@link #authenticate(String, String, String)}; an account that
     * must change its password (a generated first password, or a reset an administrator forced) signs in only
     * with {@code newPassword}, which then replaces the old one.
     *
     * @throws ApiException.Forbidden  with code {@code password-change-required} when the account must change
     *                                 its password and {@code newPassword} is null
     * @throws ApiException.BadRequest when {@code newPassword} breaks the password rules
     */
    public LoginResult authenticate(String username, String password, @Nullable String newPassword,
                                    String clientAddress) {
        Optional<CurrentTenant> tenant = tenants.current();
        LoginAttempt attempt = new LoginAttempt(tenant.map(CurrentTenant::code).orElse(""), username,
                clientAddress);
        Optional<Account> account = tenant.isPresent() ? findTenantUser(username) : findOperator(username);
        Duration wait = throttle.waitFor(attempt, account.isPresent(),
                account.map(Account::throttledUntil).orElse(null));
        if (!wait.isZero()) {
            ApiException.TooManyAttempts refused = throttled(wait);
            events.signInThrottled(username, refused.retryAfterSeconds(), clientAddress);
            throw refused;
        }
        boolean verified;
        if (account.isPresent()) {
            verified = hasher.matches(password, account.get().passwordHash());
        } else {
            hasher.verifyDecoy(password);
            verified = false;
        }
        if (!verified) {
            throttle.failed(attempt, account.isPresent());
            account.ifPresent(found -> failures.failed(found.kind(), found.id()));
            events.signInFailed(username, account.isPresent(), clientAddress);
            throw new ApiException.Unauthorized("Wrong username or password.");
        }
        Account found = account.get();
        String tenantCode = tenant.map(CurrentTenant::code).orElse(null);
        AccountQueries.AccountRow state = transactions.executeRead(status -> tenantCode == null
                ? accounts.operator(found.username()) : accounts.tenantUser(found.username()))
                .orElseThrow(() -> new ApiException.Unauthorized("Wrong username or password."));
        if (!found.active() || !state.enabled()) {
            events.signInDisabled(found.username(), clientAddress);
            throw new ApiException.Forbidden("This account is disabled.").withCode("account-disabled");
        }
        throttle.succeeded(attempt);
        if (found.failedLogins() > 0 || found.throttledUntil() != null) {
            failures.succeeded(found.kind(), found.id());
        }
        if (state.mustChangePassword()) {
            if (newPassword == null) {
                throw new ApiException.Forbidden("This account must change its password: sign in again with a new"
                        + " password.").withCode("password-change-required");
            }
            passwords.replaceRequired(tenantCode, state, newPassword);
        }
        events.signedIn(found.username(), clientAddress);
        return new LoginResult(new Caller(found.username(), tenant.map(CurrentTenant::code).orElse(null),
                found.roles()), found.locale());
    }

    private Optional<Account> findTenantUser(String username) {
        return tenantUsers.findByUsername(username).map(user -> new Account(LoginQueries.Kind.TENANT_USER,
                user.id(), user.username(), user.passwordHash(), user.roleSet(), user.failedLogins(),
                user.lockedUntil(), TenantUser.ACTIVE.equals(user.status()), user.locale()));
    }

    private Optional<Account> findOperator(String username) {
        return platformUsers.findByUsername(username).map(user -> new Account(LoginQueries.Kind.OPERATOR,
                user.id(), user.username(), user.passwordHash(), Set.of(Roles.PLATFORM_OPERATOR),
                user.failedLogins(), user.lockedUntil(), true, user.locale()));
    }

    private static ApiException.TooManyAttempts throttled(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return new ApiException.TooManyAttempts("Too many failed logins: try again in " + seconds
                + " second(s).", seconds);
    }

    /**
     * A successful login.
     *
     * @param caller who logged in
     * @param locale the account's preferred language, if chosen
     */
    public record LoginResult(Caller caller, @Nullable String locale) {
    }

    private record Account(LoginQueries.Kind kind, Long id, String username, String passwordHash,
                           Set<String> roles, int failedLogins, @Nullable Instant throttledUntil, boolean active,
                           @Nullable String locale) {
    }
}
