package eu.koopera.accounts;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Token lifetimes. (Failed logins are limited by {@link LoginThrottleSettings}.)
 *
 * @param issuer            the {@code iss} and {@code aud} of tokens
 * @param accessTokenTtl    how long an access token is valid
 * @param refreshTokenTtl   how long a refresh token is valid
 */
@ConfigurationProperties("koopera.auth")
public record AuthSettings(@Bindable(defaultValue = "koopera") String issuer,
                           @Bindable(defaultValue = "15m") Duration accessTokenTtl,
                           @Bindable(defaultValue = "14d") Duration refreshTokenTtl) {
}
