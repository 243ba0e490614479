package eu.koopera.accounts;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Token and session lifetimes. (Failed logins are limited by {@link LoginThrottleSettings}.)
 *
 * @param issuer           the {@code iss} and {@code aud} of tokens
 * @param accessTokenTtl   how long an access token is valid
 * @param refreshTokenTtl  how long a refresh token is valid unused
 * @param sessionLifetime  how long a sign-in lasts at most, however often it is refreshed
 * @param passwordResetTtl how long a password-reset link is valid
 */
@ConfigurationProperties("koopera.auth")
public record AuthSettings(@Bindable(defaultValue = "koopera") String issuer,
                           @Bindable(defaultValue = "15m") Duration accessTokenTtl,
                           @Bindable(defaultValue = "14d") Duration refreshTokenTtl,
                           @Bindable(defaultValue = "30d") Duration sessionLifetime,
                           @Bindable(defaultValue = "1h") Duration passwordResetTtl) {
}
