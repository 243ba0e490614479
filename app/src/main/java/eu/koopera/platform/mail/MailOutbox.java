package eu.koopera.platform.mail;

import eu.koopera.platform.security.CallerContext;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transactional outbox for mail. A feature enqueues a mail inside the transaction that makes the change the
 * mail is about, so the mail exists exactly when the change was committed; {@link MailSender} delivers it later.
 * Created at start, so that a missing SMTP configuration is reported at once.
 */
@Context
public class MailOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(MailOutbox.class);

    private final MailOutboxQueries queries;
    private final CallerContext callers;
    private final boolean smtpConfigured;

    public MailOutbox(MailOutboxQueries queries, CallerContext callers, SmtpSettings smtp) {
        this.queries = queries;
        this.callers = callers;
        this.smtpConfigured = smtp.configured();
        if (!smtp.configured()) {
            LOG.warn("No SMTP server configured (KOOPERA_MAIL_SMTP_HOST): mail is kept in the outbox, not sent");
        }
    }

    /** Enqueues a mail, joining the caller's transaction; returns its outbox id. */
    @Transactional
    public long enqueue(OutgoingMail mail) {
        return queries.insert(mail);
    }

    /**
     * The outbox for platform operators, newest first; {@code status} null lists all. Bodies of unsent mails are
     * included only while no SMTP server is configured (see {@link MailOutboxEntry}).
     */
    /** How many mails of the association {@code tenantCode} finally failed to be sent. */
    @Transactional(readOnly = true)
    public int countFailed(String tenantCode) {
        return queries.countFailed(tenantCode);
    }

    @Transactional(readOnly = true)
    public MailOutboxPage list(@Nullable MailStatus status, int page, int size) {
        callers.requireOperator();
        return queries.list(status, page, size, !smtpConfigured);
    }
}
