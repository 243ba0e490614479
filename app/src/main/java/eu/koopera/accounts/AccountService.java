package eu.koopera.accounts;

import eu.koopera.platform.security.PasswordHasher;
import eu.koopera.platform.security.Roles;

import eu.koopera.platform.database.SqlStates;
import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import eu.koopera.tenancy.Admission;
import eu.koopera.tenancy.Tenant;
import eu.koopera.tenancy.TenantAdmission;
import eu.koopera.tenancy.TenantContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Creates accounts: tenant users and platform operators. */
@Singleton
public class AccountService {

    private final TenantContext tenantContext;
    private final TenantAdmission admission;
    private final TenantUserRepository tenantUsers;
    private final PlatformUserRepository platformUsers;
    private final PasswordHasher hasher;

    private final PasswordPolicy policy;
    private final AccountQueries accountQueries;
    private final TransactionOperations<Connection> transactions;

    AccountService(TenantContext tenantContext, TenantAdmission admission, TenantUserRepository tenantUsers,
                   PlatformUserRepository platformUsers, PasswordHasher hasher, PasswordPolicy policy,
                   AccountQueries accountQueries, TransactionOperations<Connection> transactions) {
        this.policy = policy;
        this.accountQueries = accountQueries;
        this.transactions = transactions;
        this.tenantContext = tenantContext;
        this.admission = admission;
        this.tenantUsers = tenantUsers;
        this.platformUsers = platformUsers;
        this.hasher = hasher;
    }

    /**
     * Creates a user inside {@code tenant}.
     *
     * @throws ApiException.BadRequest for roles that do not exist inside a tenant
     * @throws ApiException.Conflict   when the username is taken in that tenant
     */
    public TenantUser createTenantUser(Tenant tenant, NewUser user) {
        validateRoles(user.roles());
        policy.require("password", user.username(), user.password());
        String hash = hasher.hash(user.password());
        return admission.callAs(Admission.of(tenant), () -> save(user, hash));
    }

    /**
     * Creates a user inside the tenant the current work runs for, joining its transaction; for flows that create
     * the account together with other changes, such as accepting an invitation.
     *
     * @throws ApiException.BadRequest for roles that do not exist inside a tenant
     * @throws ApiException.Conflict   when the username is taken in the tenant
     */
    public TenantUser createUserInCurrentTenant(NewUser user) {
        tenantContext.require();
        validateRoles(user.roles());
        policy.require("password", user.username(), user.password());
        return save(user, hasher.hash(user.password()));
    }

    /** The account with this username in the tenant the current work runs for. */
    public Optional<TenantUser> findTenantUser(String username) {
        tenantContext.require();
        return tenantUsers.findByUsername(username);
    }

    /** The account with this id in the tenant the current work runs for. */
    public Optional<TenantUser> findTenantUser(long id) {
        tenantContext.require();
        return tenantUsers.findById(id);
    }

    private TenantUser save(NewUser user, String hash) {
        if (tenantUsers.existsByUsername(user.username())) {
            throw new ApiException.Conflict("A user with this username already exists in the association.");
        }
        try {
            return tenantUsers.save(new TenantUser(null, user.username(), hash, user.email(), user.displayName(),
                    TenantUser.joinRoles(user.roles()), user.locale(), TenantUser.ACTIVE, 0, null, Instant.now()));
        } catch (DataAccessException e) {
            if (SqlStates.uniqueViolation(e)) {
                // taken by a concurrent request between the check above and this insert
                throw new ApiException.Conflict("A user with this username already exists in the association.");
            }
            throw e;
        }
    }

    private static void validateRoles(Set<String> roles) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (roles.isEmpty()) {
            errors.add(new Problem.FieldError("roles", "must name at least one role"));
        }
        roles.stream().filter(role -> !Roles.TENANT_ROLES.contains(role)).forEach(role ->
                errors.add(new Problem.FieldError("roles", "unknown tenant role: " + role)));
        if (!errors.isEmpty()) {
            throw new ApiException.BadRequest("The user has invalid fields.", errors);
        }
    }

    /**
     * Creates a platform operator, who must change {@code password} at first sign-in when
     * {@code mustChangePassword}; its id.
     *
     * @throws ApiException.BadRequest when the password breaks the rules (field {@code password})
     * @throws ApiException.Conflict   when the username is taken
     */
    public long createOperator(String username, String password, @Nullable String email,
                               @Nullable String displayName, boolean mustChangePassword) {
        policy.require("password", username, password);
        String hash = hasher.hash(password);
        try {
            return transactions.executeWrite(status -> accountQueries.insertOperator(username, hash, email,
                    displayName, mustChangePassword));
        } catch (RuntimeException e) {
            if (SqlStates.uniqueViolation(e)) {
                throw new ApiException.Conflict("An operator with this username already exists.");
            }
            throw e;
        }
    }

    public boolean operatorsExist() {
        return platformUsers.count() > 0;
    }

    /**
     * Refuses to start with a password from the configuration that breaks the password rules.
     *
     * @param setting  the environment variable that set it, named in the message
     * @throws IllegalStateException naming the setting and the rules it breaks
     */
    public void requireConfiguredPassword(String setting, String username, String password) {
        List<Problem.FieldError> errors = policy.violations(setting, username, password);
        if (!errors.isEmpty()) {
            throw new IllegalStateException(setting + " breaks the password rules: it "
                    + String.join(" and ", errors.stream().map(Problem.FieldError::message).toList())
                    + " (at least " + PasswordPolicy.MIN_LENGTH + " characters, not a common password, not the"
                    + " username). Choose another one, or leave it unset to have one generated.");
        }
    }

    /**
     * A new account.
     *
     * @param username    unique within its tenant
     * @param password    in clear; only its hash is stored
     * @param email       optional contact address
     * @param displayName optional full name
     * @param roles       tenant roles
     * @param locale      optional preferred language
     */
    public record NewUser(String username, String password, @Nullable String email, @Nullable String displayName,
                          Set<String> roles, @Nullable String locale) {
    }
}
