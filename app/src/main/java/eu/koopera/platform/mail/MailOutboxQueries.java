package eu.koopera.platform.mail;

import eu.koopera.jooq.platform.tables.records.MailOutboxRecord;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static eu.koopera.jooq.platform.Tables.MAIL_OUTBOX;

/**
 * The outbox table {@code platform.mail_outbox}. Always schema-qualified, so it is reached from a connection bound
 * to any tenant's schema, inside that tenant's transaction.
 */
@Singleton
public class MailOutboxQueries {

    private static final int MAX_ERROR_LENGTH = 2_000;

    private final DSLContext sql;

    MailOutboxQueries(DSLContext sql) {
        this.sql = sql;
    }

    /** How many mails of {@code tenantCode} finally failed. */
    public int countFailed(String tenantCode) {
        return sql.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.TENANT_CODE.eq(tenantCode)
                .and(MAIL_OUTBOX.STATUS.eq(MailStatus.FAILED.name())));
    }

    /**
     * Outbox entries in {@code status} (all when null), newest first, without checking who asks; with their text
     * bodies only when {@code withBodies}.
     */
    public MailOutboxPage list(@Nullable MailStatus status, int page, int size, boolean withBodies) {
        Condition where = status == null ? DSL.noCondition() : MAIL_OUTBOX.STATUS.eq(status.name());
        int total = sql.fetchCount(MAIL_OUTBOX, where);
        List<MailOutboxEntry> items = sql.selectFrom(MAIL_OUTBOX).where(where)
                .orderBy(MAIL_OUTBOX.CREATED_AT.desc(), MAIL_OUTBOX.ID.desc())
                .limit(size).offset((long) page * size)
                .fetch(row -> toEntry(row, withBodies));
        return new MailOutboxPage(items, page, size, total);
    }

    long insert(OutgoingMail mail) {
        return sql.insertInto(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.TENANT_CODE, mail.tenantCode())
                .set(MAIL_OUTBOX.RECIPIENT, mail.recipient())
                .set(MAIL_OUTBOX.SUBJECT, mail.subject())
                .set(MAIL_OUTBOX.BODY_TEXT, mail.bodyText())
                .set(MAIL_OUTBOX.BODY_HTML, mail.bodyHtml())
                .returning(MAIL_OUTBOX.ID)
                .fetchSingle(MAIL_OUTBOX.ID);
    }

    /** The oldest due pending mail, locked; rows another sender holds are skipped rather than waited for. */
    Optional<QueuedMail> lockNextDue(Instant now) {
        return sql.selectFrom(MAIL_OUTBOX)
                .where(MAIL_OUTBOX.STATUS.eq(MailStatus.PENDING.name()))
                .and(MAIL_OUTBOX.NEXT_ATTEMPT_AT.le(at(now)))
                .orderBy(MAIL_OUTBOX.NEXT_ATTEMPT_AT, MAIL_OUTBOX.ID)
                .limit(1)
                .forUpdate().skipLocked()
                .fetchOptional(row -> new QueuedMail(row.getId(), row.getRecipient(), row.getSubject(),
                        row.getBodyText(), row.getBodyHtml(), row.getAttempts()));
    }

    /** Marks a mail sent and drops its body, which may carry a one-time link that should not outlive delivery. */
    void markSent(long id, Instant now) {
        sql.update(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.STATUS, MailStatus.SENT.name())
                .set(MAIL_OUTBOX.SENT_AT, at(now))
                .set(MAIL_OUTBOX.LAST_ERROR, (String) null)
                .set(MAIL_OUTBOX.BODY_TEXT, "")
                .set(MAIL_OUTBOX.BODY_HTML, (String) null)
                .where(MAIL_OUTBOX.ID.eq(id))
                .execute();
    }

    /**
     * Records a failed attempt: PENDING again from {@code nextAttemptAt}, or FAILED for good, which drops the body
     * as sending does (a resent invitation gets a new link and a new mail).
     */
    void markFailedAttempt(long id, int attempts, MailStatus status, Instant nextAttemptAt, String error) {
        boolean givenUp = status == MailStatus.FAILED;
        sql.update(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.STATUS, status.name())
                .set(MAIL_OUTBOX.BODY_TEXT, givenUp ? DSL.inline("") : MAIL_OUTBOX.BODY_TEXT)
                .set(MAIL_OUTBOX.BODY_HTML, givenUp ? DSL.inline((String) null) : MAIL_OUTBOX.BODY_HTML)
                .set(MAIL_OUTBOX.ATTEMPTS, attempts)
                .set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, at(nextAttemptAt))
                .set(MAIL_OUTBOX.LAST_ERROR, error.length() <= MAX_ERROR_LENGTH ? error
                        : error.substring(0, MAX_ERROR_LENGTH))
                .where(MAIL_OUTBOX.ID.eq(id))
                .execute();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static MailOutboxEntry toEntry(MailOutboxRecord row, boolean withBody) {
        return new MailOutboxEntry(row.getId(), row.getTenantCode(), row.getRecipient(), row.getSubject(),
                MailStatus.valueOf(row.getStatus()), row.getAttempts(), row.getNextAttemptAt().toInstant(),
                row.getLastError(), row.getCreatedAt().toInstant(),
                row.getSentAt() == null ? null : row.getSentAt().toInstant(),
                withBody && row.getSentAt() == null ? row.getBodyText() : null);
    }
}
