package eu.koopera.accounts;

import eu.koopera.audit.SecurityEvents;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import eu.koopera.tenancy.TenantAdmission;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.List;
import java.util.Set;

/**
 * An association's administrators manage its accounts: list them, disable and enable them, change their roles and
 * force a new password. Disabling an account or forcing a new password ends its sessions at once.
 */
@Singleton
public class UserAdminService {

    private final CallerContext callers;
    private final AccountQueries accounts;
    private final SessionService sessions;
    private final TenantAdmission admission;
    private final TransactionOperations<Connection> transactions;
    private final SecurityEvents events;

    UserAdminService(CallerContext callers, AccountQueries accounts, SessionService sessions,
                     TenantAdmission admission, TransactionOperations<Connection> transactions,
            SecurityEvents events) {
        this.events = events;
        this.callers = callers;
        this.accounts = accounts;
        this.sessions = sessions;
        this.admission = admission;
        this.transactions = transactions;
    }

    /** The association's accounts, by name; for its administrators. */
    public List<UserResponse> list() {
        callers.requireTenantRole(Roles.ASSOCIATION_ADMIN);
        return transactions.executeRead(status -> accounts.tenantUsers().stream().map(UserResponse::of).toList());
    }

    /**
     * Changes an account of the association.
     *
     * @throws ApiException.NotFound   for an unknown id
     * @throws ApiException.BadRequest for unknown roles or none
     * @throws ApiException.Conflict   when administrators would disable themselves or give up their own
     *                                 administrator role
     */
    public UserResponse update(long id, UpdateUserCommand command) {
        Caller caller = callers.requireTenantRole(Roles.ASSOCIATION_ADMIN);
        if (command.roles() != null) {
            validateRoles(command.roles());
        }
        AccountQueries.AccountRow updated = transactions.executeWrite(status -> {
            AccountQueries.AccountRow user = accounts.lockTenantUser(id)
                    .orElseThrow(() -> new ApiException.NotFound("No user with this id."));
            boolean self = user.username().equals(caller.username());
            if (self && Boolean.FALSE.equals(command.enabled())) {
                throw new ApiException.Conflict("You cannot disable your own account.").withCode("user-self-disable");
            }
            if (self && command.roles() != null && !command.roles().contains(Roles.ASSOCIATION_ADMIN)) {
                throw new ApiException.Conflict("You cannot remove your own administrator role.")
                        .withCode("user-self-demote");
            }
            accounts.updateTenantUser(id, command.enabled(), command.roles(), command.mustChangePassword());
            if (Boolean.FALSE.equals(command.enabled()) || Boolean.TRUE.equals(command.mustChangePassword())) {
                sessions.endAll(caller.tenantCode(), user.username());
            }
            if (command.enabled() != null && command.enabled() != user.enabled()) {
                events.enabledChanged(user.username(), command.enabled());
            }
            if (Boolean.TRUE.equals(command.mustChangePassword())) {
                events.passwordResetForced(user.username());
            }
            if (command.roles() != null && !command.roles().equals(user.roles())) {
                events.rolesChanged(user.username(), user.roles(), command.roles());
            }
            return accounts.lockTenantUser(id).orElseThrow();
        });
        admission.forgetAccount(caller.tenantCode(), updated.username());
        return UserResponse.of(updated);
    }

    private static void validateRoles(Set<String> roles) {
        if (roles.isEmpty() || !Roles.TENANT_ROLES.containsAll(roles)) {
            throw new ApiException.BadRequest("The user has invalid fields.", List.of(new Problem.FieldError("roles",
                    "must name at least one role, each one of " + Roles.TENANT_ROLES, null, null, "roles-invalid",
                    List.of())));
        }
    }
}
