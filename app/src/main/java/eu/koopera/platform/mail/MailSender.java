package eu.koopera.platform.mail;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Instant;
import java.util.Optional;

/**
 * Delivers due mails from the outbox every {@code koopera.mail.poll-interval}. Each mail is locked with
 * {@code FOR UPDATE SKIP LOCKED} in its own transaction while it is sent, so several replicas can poll the same
 * outbox without sending a mail twice. A failed attempt is retried with a doubling delay, and after
 * {@link MailSettings#maxAttempts()} failures the mail is marked FAILED with the last error. Active only when an
 * SMTP host is configured.
 */
@Singleton
@Requires(property = "koopera.mail.smtp.host", pattern = ".*\\S.*")
class MailSender {

    private static final Logger LOG = LoggerFactory.getLogger(MailSender.class);

    private final MailOutboxQueries queries;
    private final SmtpMailer smtp;
    private final MailSettings settings;
    private final SmtpSettings smtpSettings;
    private final TransactionOperations<Connection> transactions;

    MailSender(MailOutboxQueries queries, SmtpMailer smtp, MailSettings settings, SmtpSettings smtpSettings,
               TransactionOperations<Connection> transactions) {
        this.queries = queries;
        this.smtp = smtp;
        this.settings = settings;
        this.smtpSettings = smtpSettings;
        this.transactions = transactions;
    }

    @PostConstruct
    void announce() {
        LOG.info("Sending mail through {}", smtpSettings);
    }

    @Scheduled(fixedDelay = "${koopera.mail.poll-interval:2s}", initialDelay = "${koopera.mail.poll-interval:2s}")
    void sendDue() {
        for (int sent = 0; sent < settings.batchSize(); sent++) {
            if (!sendNext()) {
                return;
            }
        }
    }

    /** Sends the next due mail, if there is one; returns whether there was. */
    boolean sendNext() {
        return transactions.executeWrite(status -> {
            Optional<QueuedMail> next = queries.lockNextDue(Instant.now());
            if (next.isEmpty()) {
                return false;
            }
            QueuedMail mail = next.get();
            try {
                smtp.send(mail);
                queries.markSent(mail.id(), Instant.now());
            } catch (MessagingException | RuntimeException e) {
                recordFailure(mail, e);
            }
            return true;
        });
    }

    private void recordFailure(QueuedMail mail, Exception e) {
        int attempts = mail.attempts() + 1;
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (attempts >= settings.maxAttempts()) {
            LOG.error("Mail {} failed for good after {} attempts: {}", mail.id(), attempts, error);
            queries.markFailedAttempt(mail.id(), attempts, MailStatus.FAILED, Instant.now(), error);
        } else {
            Instant next = Instant.now().plus(settings.delayAfter(attempts));
            LOG.warn("Mail {} not sent (attempt {}), retrying at {}: {}", mail.id(), attempts, next, error);
            queries.markFailedAttempt(mail.id(), attempts, MailStatus.PENDING, next, error);
        }
    }
}
