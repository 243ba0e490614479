package eu.koopera.platform.mail;

/** Where a mail in the outbox stands. */
public enum MailStatus {
    /** Waiting to be sent, or to be retried after a failure. */
    PENDING,
    SENT,
    /** Given up after the configured number of attempts. */
    FAILED
}
