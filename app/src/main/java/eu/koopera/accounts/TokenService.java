package eu.koopera.accounts;

import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.OpaqueTokens;
import eu.koopera.platform.security.Roles;

import eu.koopera.platform.web.ApiException;
import eu.koopera.tenancy.AccountDirectory;
import eu.koopera.tenancy.Admission;
import eu.koopera.tenancy.TenantAdmission;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Issues short-lived signed access tokens (JWT, HS256) and long-lived opaque refresh tokens. Refresh tokens are
 * stored hashed, used once (each refresh revokes the token and issues a new pair) and revoked on logout. A refresh
 * re-reads the account, so changed roles, disabled accounts and suspended tenants take effect.
 */
@Singleton
public class TokenService {

    private static final String TOKEN_TYPE = "Bearer";

    private final JwtTokenGenerator jwt;
    private final RefreshTokenRepository refreshTokens;
    private final TenantAdmission admission;
    private final AccountDirectory accounts;
    private final AuthSettings settings;
    private final OpaqueTokens tokens;

    public TokenService(JwtTokenGenerator jwt, RefreshTokenRepository refreshTokens, TenantAdmission admission,
                        AccountDirectory accounts, AuthSettings settings, OpaqueTokens tokens) {
        this.jwt = jwt;
        this.refreshTokens = refreshTokens;
        this.admission = admission;
        this.accounts = accounts;
        this.settings = settings;
        this.tokens = tokens;
    }

    /** A new access and refresh token for a verified caller. */
    public TokenResponse issue(Caller caller) {
        Instant now = Instant.now();
        String refresh = tokens.generate();
        refreshTokens.save(new RefreshToken(null, tokens.hash(refresh), caller.tenantCode(), caller.username(),
                now.plus(settings.refreshTokenTtl()), null, now));
        return new TokenResponse(accessToken(caller, now), refresh, TOKEN_TYPE, settings.accessTokenTtl().toSeconds());
    }

    /** Exchanges a live refresh token for a new pair; the old one stops working. */
    public TokenResponse refresh(String refreshToken) {
        String hash = tokens.hash(refreshToken);
        RefreshToken stored = refreshTokens.findByTokenHash(hash)
                .filter(token -> token.revokedAt() == null && token.expiresAt().isAfter(Instant.now()))
                .orElseThrow(TokenService::invalidRefreshToken);
        if (refreshTokens.revoke(hash, Instant.now()) != 1) {
            throw invalidRefreshToken();
        }
        return issue(reloadCaller(stored));
    }

    /** Revokes a refresh token; unknown or already revoked tokens are ignored. */
    public void revoke(String refreshToken) {
        refreshTokens.revoke(tokens.hash(refreshToken), Instant.now());
    }

    /** The account behind a refresh token as it is now, admitted by its tenant; roles are re-read. */
    private Caller reloadCaller(RefreshToken token) {
        Admission admitted;
        try {
            admitted = token.tenantCode() == null ? new Admission(null, null)
                    : Admission.of(admission.admit(token.tenantCode()));
        } catch (ApiException e) {
            throw invalidRefreshToken();
        }
        Caller claimed = new Caller(token.username(), token.tenantCode(), java.util.Set.of());
        return admission.callAs(admitted, () -> accounts.findEnabled(claimed))
                .orElseThrow(TokenService::invalidRefreshToken);
    }

    private String accessToken(Caller caller, Instant now) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", caller.username());
        claims.put("iss", settings.issuer());
        claims.put("aud", List.of(settings.issuer()));
        claims.put("iat", Date.from(now));
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
}
