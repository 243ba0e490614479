package eu.koopera.accounts;

import eu.koopera.audit.SecurityEvents;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.web.ApiException;
import eu.koopera.tenancy.TenantAdmission;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Instant;

/**
 * Sessions of an account as a whole: starting one, and ending all of them, as signing out everywhere, disabling an
 * account and changing a password do. Ending them revokes every refresh token and makes the account refuse access
 * tokens and UI sign-ins from before that moment, from the account's next request on.
 */
@Singleton
public class SessionService {

    private final TokenService tokens;
    private final AccountQueries accounts;
    private final TenantAdmission admission;
    private final CallerContext callers;
    private final TransactionOperations<Connection> transactions;
    private final SecurityEvents events;

    SessionService(TokenService tokens, AccountQueries accounts, TenantAdmission admission, CallerContext callers,
                   TransactionOperations<Connection> transactions,
            SecurityEvents events) {
        this.events = events;
        this.tokens = tokens;
        this.accounts = accounts;
        this.admission = admission;
        this.callers = callers;
        this.transactions = transactions;
    }

    /** A new session of a verified caller: its first access and refresh token. */
    public TokenResponse start(Caller caller) {
        return tokens.issue(caller);
    }

    /** Ends every session of the caller, this one included ("sign out everywhere"). */
    public void endAllOfCaller() {
        Caller caller = callers.current().orElseThrow(() -> new ApiException.Unauthorized("Authentication required."));
        transactions.executeWrite(status -> {
            endAll(caller.tenantCode(), caller.username());
            // in the same transaction: once it commits, the caller's own sessions are no longer admitted
            events.signedOutEverywhere(caller.username());
            return null;
        });
    }

    /**
     * Ends every session of an account, joining the caller's transaction; the tenant, if any, is bound. The cache
     * of admitted accounts forgets it at once, so the next request of any of its sessions is refused.
     */
    void endAll(@Nullable String tenantCode, String username) {
        transactions.executeWrite(status -> {
            (tenantCode == null ? accounts.operator(username) : accounts.tenantUser(username)).ifPresent(account ->
                    accounts.endSessions(account.kind(), account.id(), Instant.now()));
            tokens.revokeAll(tenantCode, username);
            return null;
        });
        admission.forgetAccount(tenantCode, username);
    }

    /** Revokes every refresh token of an account, joining the caller's transaction. */
    void revokeRefreshTokens(@Nullable String tenantCode, String username) {
        tokens.revokeAll(tenantCode, username);
    }
}
