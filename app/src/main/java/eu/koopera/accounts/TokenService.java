package eu.koopera.accounts;

import eu.koopera.audit.SecurityEvents;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.OpaqueTokens;
import eu.koopera.platform.web.ApiException;
import eu.koopera.tenancy.AccountDirectory;
import eu.koopera.tenancy.Admission;
import eu.koopera.tenancy.RequestContextFilter;
import eu.koopera.tenancy.TenantAdmission;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Issues short-lived signed access tokens (JWT, HS256) and opaque refresh tokens. Refresh tokens are stored hashed
 * and used once: each sign-in starts a family, each refresh revokes the token it used and issues the next of the
 * family, which ends no later than {@link AuthSettings#sessionLifetime()} after the sign-in. Using a token that
 * was already used revokes its whole family (RFC 9700 4.14.2: one of two holders is a thief). A refresh re-reads
 * the account, so changed roles, disabled accounts and suspended tenants take effect.
 */
@Singleton
public class TokenService {

    private static final String TOKEN_TYPE = "Bearer";
    private static final Logger LOG = LoggerFactory.getLogger(TokenService.class);

    private final JwtTokenGenerator jwt;
    private final SessionQueries sessions;
    private final TenantAdmission admission;
    private final AccountDirectory accounts;
    private final AuthSettings settings;
    private final OpaqueTokens tokens;
    private final Clock clock;
    private final TransactionOperations<Connection> transactions;
    private final SecurityEvents events;

    TokenService(JwtTokenGenerator jwt, SessionQueries sessions, TenantAdmission admission,
                 AccountDirectory accounts, AuthSettings settings, OpaqueTokens tokens, Clock clock,
                 TransactionOperations<Connection> transactions,
            SecurityEvents events) {
        this.events = events;
        this.transactions = transactions;
        this.jwt = jwt;
        this.sessions = sessions;
        this.admission = admission;
        this.accounts = accounts;
        this.settings = settings;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** A new access and refresh token for a verified caller, starting a new session. */
    public TokenResponse issue(Caller caller) {
        Instant now = clock.instant();
        return issue(caller, UUID.randomUUID(), now.plus(settings.sessionLifetime()), now);
    }

    /**
     * Exchanges a live refresh token for a new pair of the same session; the old one stops working. A token used
     * before revokes its session.
     *
     * @throws ApiException.Unauthorized for an unknown, used, revoked or expired token, or an account that is
     *                                   disabled or gone
     */
    public TokenResponse refresh(String refreshToken) {
        Instant now = clock.instant();
        String hash = tokens.hash(refreshToken);
        java.util.concurrent.atomic.AtomicReference<SessionQueries.Stored> revoked =
                new java.util.concurrent.atomic.AtomicReference<>();
        Optional<SessionQueries.Stored> used = transactions.executeWrite(status -> {
            Optional<SessionQueries.Stored> live = sessions.use(hash, now);
            if (live.isEmpty()) {
                sessions.find(hash).filter(SessionQueries.Stored::revoked).ifPresent(reused -> {
                    if (sessions.revokeFamily(reused.family(), now) > 0) {
                        LOG.warn("A used refresh token was presented again: its session was ended");
                        revoked.set(reused);
                    }
                });
            }
            return live;
        });
        if (revoked.get() != null) {
            recordReuse(revoked.get());
        }
        if (used.isEmpty()) {
            throw invalidRefreshToken();
        }
        SessionQueries.Stored stored = used.get();
        return issue(reloadCaller(stored), stored.family(), stored.sessionExpiresAt(), now);
    }

    /** Revokes a refresh token's session; unknown or already revoked tokens are ignored. */
    public void revoke(String refreshToken) {
        transactions.executeWrite(status -> sessions.find(tokens.hash(refreshToken))
                .map(token -> sessions.revokeFamily(token.family(), clock.instant())));
    }

    /** Revokes every refresh token of an account, joining the caller's transaction if there is one. */
    public void revokeAll(@Nullable String tenantCode, String username) {
        transactions.executeWrite(status -> sessions.revokeAccount(tenantCode, username, clock.instant()));
    }

    private TokenResponse issue(Caller caller, UUID family, Instant sessionEnds, Instant now) {
        String refresh = tokens.generate();
        Instant expires = now.plus(settings.refreshTokenTtl());
        transactions.executeWrite(status -> {
            sessions.insert(tokens.hash(refresh), caller.tenantCode(), caller.username(), family,
                    expires.isAfter(sessionEnds) ? sessionEnds : expires, sessionEnds, now);
            return null;
        });
        // access tokens carry the system time: Micronaut checks their nbf and exp against it
        return new TokenResponse(accessToken(caller, Instant.now()), refresh, TOKEN_TYPE,
                settings.accessTokenTtl().toSeconds());
    }

    /** The account behind a refresh token as it is now, admitted by its tenant; roles are re-read. */
    private Caller reloadCaller(SessionQueries.Stored token) {
        Admission admitted;
        try {
            admitted = token.tenantCode() == null ? new Admission(null, null)
                    : Admission.of(admission.admit(token.tenantCode()));
        } catch (ApiException e) {
            throw invalidRefreshToken();
        }
        Caller claimed = new Caller(token.username(), token.tenantCode(), Set.of());
        return admission.callAs(admitted, () -> accounts.findEnabled(claimed))
                .map(AccountDirectory.Account::caller)
                .orElseThrow(TokenService::invalidRefreshToken);
    }

    private String accessToken(Caller caller, Instant now) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", caller.username());
        claims.put("iss", settings.issuer());
        claims.put("aud", List.of(settings.issuer()));
        claims.put("iat", Date.from(now));
        claims.put(RequestContextFilter.ISSUED_AT_MILLIS, now.toEpochMilli());
        claims.put("nbf", Date.from(now));
        claims.put("exp", Date.from(now.plus(settings.accessTokenTtl())));
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("roles", List.copyOf(caller.roles()));
        if (caller.tenantCode() != null) {
            claims.put("tenant", caller.tenantCode());
        }
        return jwt.generateToken(claims).orElseThrow(() -> new IllegalStateException("Could not sign a token"));
    }

    private static ApiException invalidRefreshToken() {
        return new ApiException.Unauthorized("The refresh token is invalid, expired or revoked.");
    }

    /** Records the reuse in the account's own audit log: its association's, bound for the record, or the platform's. */
    private void recordReuse(SessionQueries.Stored reused) {
        try {
            Admission bound = reused.tenantCode() == null ? new Admission(null, null)
                    : Admission.of(admission.admit(reused.tenantCode()));
            admission.runAs(bound, () -> events.tokenReuse(reused.username()));
        } catch (ApiException unavailable) {
            LOG.warn("Refresh token reuse of {} not recorded: {}", reused.username(), unavailable.getMessage());
        }
    }
}
