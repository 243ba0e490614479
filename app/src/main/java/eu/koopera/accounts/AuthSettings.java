package eu.koopera.accounts;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Token lifetimes and the brute-force rule shared by the API and the UI.
 *
 * @param issuer            the {@code iss} and {@code aud} of tokens
 * @param accessTokenTtl    how long an access token is valid
 * @param refreshTokenTtl   how long a refresh token is valid
 * @param maxFailedLogins   failed logins in a row after which the account is locked
 * @param lockDuration      how long a locked account stays locked
 */
@ConfigurationProperties("koopera.auth")
public record AuthSettings(@Bindable(defaultValue = "koopera") String issuer,
                           @Bindable(defaultValue = "15m") Duration accessTokenTtl,
                           @Bindable(defaultValue = "14d") Duration refreshTokenTtl,
                           @Bindable(defaultValue = "5") int maxFailedLogins,
                           @Bindable(defaultValue = "15m") Duration lockDuration) {
}
