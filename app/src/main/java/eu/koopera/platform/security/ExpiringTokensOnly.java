package eu.koopera.platform.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/**
 * Refuses access tokens without an {@code exp} claim. Micronaut checks {@code exp} only when a token has one, so a
 * token signed without it would otherwise be valid forever (RFC 8725 3.10; ASVS 9.1).
 *
 * @param <T> the request type
 */
@Singleton
public class ExpiringTokensOnly<T> implements GenericJwtClaimsValidator<T> {

    @Override
    public boolean validate(Claims claims, @Nullable T request) {
        return claims.get(Claims.EXPIRATION_TIME) != null;
    }
}
