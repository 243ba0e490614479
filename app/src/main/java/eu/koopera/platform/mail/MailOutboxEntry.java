package eu.koopera.platform.mail;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A mail in the outbox as operators see it: without its body, which may carry a one-time link.
 *
 * @param attempts      failed delivery attempts so far
 * @param nextAttemptAt when the sender tries next, while PENDING
 * @param lastError     why the last attempt failed
 */
@Serdeable
public record MailOutboxEntry(long id, @Nullable String tenantCode, String recipient, String subject,
                              MailStatus status, int attempts, Instant nextAttemptAt, @Nullable String lastError,
                              Instant createdAt, @Nullable Instant sentAt) {
}
