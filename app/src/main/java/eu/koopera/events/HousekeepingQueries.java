package eu.koopera.events;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static eu.koopera.jooq.shared.Tables.EVENT;
import static eu.koopera.jooq.shared.Tables.EVENT_REGISTRATION;
import static eu.koopera.jooq.shared.Tables.EVENT_REGISTRATION_PERSONAL;

/** The scheduled work's set-based statements: reminders due and personal data past their retention. */
@Singleton
class HousekeepingQueries {

    private final DSLContext sql;

    HousekeepingQueries(DSLContext sql) {
        this.sql = sql;
    }

    /**
     * The current association's confirmed registrants not yet reminded of an event that starts within its
     * reminder period, locked so that a concurrent run skips them.
     */
    List<Reminder> remindersDue(String tenant, Instant now, int limit) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        Field<OffsetDateTime> remindFrom = DSL.field("{0} - make_interval(days => {1})", OffsetDateTime.class,
                EVENT.STARTS_INSTANT, EVENT.REMINDER_DAYS);
        return sql.select(EVENT_REGISTRATION.ID, EVENT_REGISTRATION.EVENT_ID, EVENT_REGISTRATION_PERSONAL.FULL_NAME,
                        EVENT_REGISTRATION_PERSONAL.EMAIL, EVENT_REGISTRATION_PERSONAL.LANGUAGE)
                .from(EVENT_REGISTRATION)
                .join(EVENT).on(EVENT.ID.eq(EVENT_REGISTRATION.EVENT_ID))
                .leftJoin(EVENT_REGISTRATION_PERSONAL)
                .on(EVENT_REGISTRATION_PERSONAL.REGISTRATION_ID.eq(EVENT_REGISTRATION.ID))
                .where(EVENT_REGISTRATION.TENANT_CODE.eq(tenant),
                        EVENT_REGISTRATION.STATUS.eq(RegistrationStatus.CONFIRMED.name()),
                        EVENT_REGISTRATION.REMINDER_SENT_AT.isNull(), EVENT.REMINDER_DAYS.isNotNull(),
                        EVENT.STATUS.in(EventStatus.OPEN.name(), EventStatus.CLOSED.name()),
                        EVENT.STARTS_INSTANT.gt(at), remindFrom.le(at))
                .orderBy(EVENT.STARTS_INSTANT, EVENT_REGISTRATION.ARRIVAL_SEQ).limit(limit)
                .forUpdate().of(EVENT_REGISTRATION).skipLocked()
                .fetch(row -> new Reminder(row.value1(), row.value2(), row.value3(), row.value4(), row.value5()));
    }

    void markReminded(UUID registrationId, Instant now) {
        sql.update(EVENT_REGISTRATION).set(EVENT_REGISTRATION.REMINDER_SENT_AT, now.atOffset(ZoneOffset.UTC))
                .where(EVENT_REGISTRATION.ID.eq(registrationId)).execute();
    }

    /**
     * Erases the current association's registrants' personal data of every event it organises that ended more
     * than the event's retention period before {@code now}, and forgets which of its people they were; the seat
     * facts (and so every count) remain. Marks the owner's events as erased.
     *
     * @return how many registrants' personal data were erased
     */
    int erasePersonalData(String tenant, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        Condition expired = DSL.field("{0} + make_interval(days => {1})", OffsetDateTime.class, EVENT.ENDS_INSTANT,
                EVENT.RETENTION_DAYS).le(at).and(DSL.val(tenant).eq(DSL.any(EVENT.ORGANISERS)));
        var dueEvents = DSL.select(EVENT.ID).from(EVENT).where(expired);
        int erased = sql.deleteFrom(EVENT_REGISTRATION_PERSONAL)
                .where(EVENT_REGISTRATION_PERSONAL.TENANT_CODE.eq(tenant),
                        EVENT_REGISTRATION_PERSONAL.REGISTRATION_ID.in(DSL.select(EVENT_REGISTRATION.ID)
                                .from(EVENT_REGISTRATION).where(EVENT_REGISTRATION.EVENT_ID.in(dueEvents))))
                .execute();
        sql.update(EVENT_REGISTRATION).setNull(EVENT_REGISTRATION.PERSON_ID)
                .where(EVENT_REGISTRATION.TENANT_CODE.eq(tenant), EVENT_REGISTRATION.PERSON_ID.isNotNull(),
                        EVENT_REGISTRATION.EVENT_ID.in(dueEvents)).execute();
        sql.update(EVENT).set(EVENT.PERSONAL_DATA_ERASED_AT, at)
                .where(expired, EVENT.OWNER_TENANT.eq(tenant), EVENT.PERSONAL_DATA_ERASED_AT.isNull()).execute();
        return erased;
    }

    /** A reminder owed to one registrant. */
    record Reminder(UUID registrationId, UUID eventId, @Nullable String fullName, @Nullable String email,
                    @Nullable String language) {
    }
}
