package eu.koopera.platform.mail;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A mail in the outbox as operators see it. Its body may carry a one-time link, so it is shown only while no SMTP
 * server is configured: then the outbox is the only way the mail can reach anyone (development), and an operator,
 * who may create accounts in every association anyway, gains nothing by reading it.
 *
 * @param attempts      failed delivery attempts so far
 * @param nextAttemptAt when the sender tries next, while PENDING
 * @param lastError     why the last attempt failed
 * @param bodyText      the plain-text body; null when SMTP is configured or once the mail was sent
 */
@Serdeable
public record MailOutboxEntry(long id, @Nullable String tenantCode, String recipient, String subject,
                              MailStatus status, int attempts, Instant nextAttemptAt, @Nullable String lastError,
                              Instant createdAt, @Nullable Instant sentAt, @Nullable String bodyText) {
}
