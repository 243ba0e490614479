package eu.koopera.accounts;

import eu.koopera.audit.SecurityEvents;
import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.web.ApiException;
import eu.koopera.tenancy.TenantAdmission;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.List;

/**
 * Operators manage each other's accounts, so that no single operator account is a single point of failure: create
 * one (with a first password its owner must change at first sign-in), disable and enable one. The last enabled
 * operator cannot be disabled: disabling locks the rows of all enabled operators first, so that of two requests
 * disabling the last two at once, exactly one succeeds.
 */
@Singleton
public class OperatorService {

    private final CallerContext callers;
    private final AccountService accountService;
    private final AccountQueries accounts;
    private final SessionService sessions;
    private final TenantAdmission admission;
    private final TransactionOperations<Connection> transactions;
    private final SecurityEvents events;

    OperatorService(CallerContext callers, AccountService accountService, AccountQueries accounts,
                    SessionService sessions, TenantAdmission admission,
                    TransactionOperations<Connection> transactions,
            SecurityEvents events) {
        this.events = events;
        this.callers = callers;
        this.accountService = accountService;
        this.accounts = accounts;
        this.sessions = sessions;
        this.admission = admission;
        this.transactions = transactions;
    }

    /** All operators, by name. */
    public List<UserResponse> list() {
        callers.requireOperator();
        return transactions.executeRead(status -> accounts.operators().stream().map(UserResponse::of).toList());
    }

    /**
     * Creates an operator who must change {@code password} at first sign-in.
     *
     * @throws ApiException.BadRequest when the password breaks the rules (field {@code password})
     * @throws ApiException.Conflict   when the name is taken
     */
    public UserResponse create(String username, String password, @Nullable String email,
                               @Nullable String displayName) {
        callers.requireOperator();
        accountService.createOperator(username, password, email, displayName, true);
        return find(username);
    }

    /**
     * Enables or disables an operator; disabling ends their sessions.
     *
     * @throws ApiException.NotFound for an unknown operator
     * @throws ApiException.Conflict (code {@code last-operator}) when it would leave no enabled operator
     */
    public UserResponse setEnabled(String username, boolean enabled) {
        callers.requireOperator();
        transactions.executeWrite(status -> {
            List<String> enabledOperators = accounts.lockEnabledOperators();
            AccountQueries.AccountRow operator = accounts.operator(username)
                    .orElseThrow(() -> new ApiException.NotFound("No operator with this username."));
            if (!enabled && operator.enabled()) {
                if (enabledOperators.size() <= 1) {
                    throw new ApiException.Conflict("The last enabled operator cannot be disabled.")
                            .withCode("last-operator");
                }
                accounts.setOperatorEnabled(operator.id(), false);
                sessions.endAll(null, username);
                events.enabledChanged(username, false);
            } else if (enabled && !operator.enabled()) {
                accounts.setOperatorEnabled(operator.id(), true);
                events.enabledChanged(username, true);
            }
            return null;
        });
        admission.forgetAccount(null, username);
        return find(username);
    }

    private UserResponse find(String username) {
        return transactions.executeRead(status -> accounts.operator(username)).map(UserResponse::of)
                .orElseThrow(() -> new ApiException.NotFound("No operator with this username."));
    }
}
