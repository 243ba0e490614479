package eu.koopera.platform.mail;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;

import java.time.Duration;

/**
 * How mail leaves the outbox. The polling interval is {@code koopera.mail.poll-interval} (default 2s).
 *
 * @param from          the sender address, such as {@code Koopera <no-reply@koopera.example>}
 * @param maxAttempts   failed attempts after which a mail is marked FAILED
 * @param retryDelay    the wait after the first failure; it doubles with every further failure
 * @param maxRetryDelay the longest wait between two attempts
 * @param batchSize     the most mails one polling run sends
 */
@ConfigurationProperties("koopera.mail")
public record MailSettings(@Bindable(defaultValue = "Koopera <no-reply@koopera.localhost>") String from,
                           @Bindable(defaultValue = "8") @Min(1) int maxAttempts,
                           @Bindable(defaultValue = "30s") Duration retryDelay,
                           @Bindable(defaultValue = "1h") Duration maxRetryDelay,
                           @Bindable(defaultValue = "20") @Min(1) int batchSize) {

    /** The wait before the next attempt after {@code failures} failed ones: doubling, capped. */
    public Duration delayAfter(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        Duration delay = retryDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }
}
