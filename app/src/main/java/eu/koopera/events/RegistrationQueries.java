package eu.koopera.events;

import eu.koopera.jooq.shared.tables.EventRegistration;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectConditionStep;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static eu.koopera.jooq.shared.Tables.EVENT_REGISTRATION;
import static eu.koopera.jooq.shared.Tables.EVENT_REGISTRATION_PERSONAL;

/**
 * Registrations in the shared schema: the seat facts every organiser sees and changes, and the personal data that
 * row-level security shows only to the registering association (a join to them simply finds nothing for the
 * other associations' registrants).
 */
@Singleton
class RegistrationQueries {

    private static final EventRegistration R = EVENT_REGISTRATION;
    private static final List<String> ACTIVE = RegistrationStatus.ACTIVE.stream().map(Enum::name).toList();
    private static final List<String> HOLDING = RegistrationStatus.HOLDING_A_PLACE.stream().map(Enum::name).toList();

    private final DSLContext sql;

    RegistrationQueries(DSLContext sql) {
        this.sql = sql;
    }

    /** The next number in arrival order; taken while the event is locked, so the order is the lock order. */
    long nextSequence() {
        return sql.nextval(DSL.sequence(DSL.name("shared", "event_arrival_seq"), Long.class));
    }

    /** Records the seat facts of a new registration of the current association; returns its id. */
    UUID insert(UUID eventId, String tenant, long memberId, String memberName, long personId, ParticipantRole role,
                RegistrationStatus status, long sequence, String registeredBy, @Nullable Notice notice) {
        return sql.insertInto(R)
                .set(R.EVENT_ID, eventId).set(R.TENANT_CODE, tenant).set(R.MEMBER_ID, memberId)
                .set(R.MEMBER_NAME, memberName).set(R.PERSON_ID, personId).set(R.ROLE, role.name())
                .set(R.STATUS, status.name()).set(R.ARRIVAL_SEQ, sequence)
                .set(R.WAITLIST_SEQ, status == RegistrationStatus.WAITLISTED ? sequence : null)
                .set(R.REGISTERED_BY, registeredBy).set(R.NOTICE, notice == null ? null : notice.name())
                .returning(R.ID).fetchSingle(R.ID);
    }

    /** Records the personal data of a registration of the current association. */
    void insertPersonal(UUID registrationId, String tenant, PersonalDetails person, @Nullable String consentText,
                        @Nullable Instant consentedAt) {
        sql.insertInto(EVENT_REGISTRATION_PERSONAL)
                .set(EVENT_REGISTRATION_PERSONAL.REGISTRATION_ID, registrationId)
                .set(EVENT_REGISTRATION_PERSONAL.TENANT_CODE, tenant)
                .set(EVENT_REGISTRATION_PERSONAL.FULL_NAME, person.fullName())
                .set(EVENT_REGISTRATION_PERSONAL.EMAIL, person.email())
                .set(EVENT_REGISTRATION_PERSONAL.LANGUAGE, person.language())
                .set(EVENT_REGISTRATION_PERSONAL.DIETARY_NEEDS, person.dietaryNeeds())
                .set(EVENT_REGISTRATION_PERSONAL.ACCESSIBILITY_NEEDS, person.accessibilityNeeds())
                .set(EVENT_REGISTRATION_PERSONAL.CONSENT_TEXT, consentText)
                .set(EVENT_REGISTRATION_PERSONAL.CONSENTED_AT, consentedAt == null ? null
                        : consentedAt.atOffset(ZoneOffset.UTC))
                .execute();
    }

    /** Whether the person has an active registration for the event. */
    boolean activeExists(UUID eventId, String tenant, long personId) {
        return sql.fetchExists(R, R.EVENT_ID.eq(eventId), R.TENANT_CODE.eq(tenant), R.PERSON_ID.eq(personId),
                R.STATUS.in(ACTIVE));
    }

    /** How many active registrations the municipality has for the event. */
    int activeOfMember(UUID eventId, String tenant, long memberId) {
        return sql.fetchCount(R, R.EVENT_ID.eq(eventId), R.TENANT_CODE.eq(tenant), R.MEMBER_ID.eq(memberId),
                R.STATUS.in(ACTIVE));
    }

    /** Places confirmed or offered, by association. */
    Map<String, Integer> placesTaken(UUID eventId) {
        Map<String, Integer> taken = new HashMap<>();
        sql.select(R.TENANT_CODE, DSL.count()).from(R).where(R.EVENT_ID.eq(eventId), R.STATUS.in(HOLDING))
                .groupBy(R.TENANT_CODE).forEach(row -> taken.put(row.value1(), row.value2()));
        return taken;
    }

    /** The seat facts of a registration, if the current association organises its event. */
    Optional<Seat> find(UUID id) {
        return sql.select(R.ID, R.EVENT_ID, R.TENANT_CODE, R.MEMBER_ID, R.PERSON_ID, R.STATUS, R.OFFER_EXPIRES_AT)
                .from(R).where(R.ID.eq(id)).fetchOptional(RegistrationQueries::seat);
    }

    /** The waitlist, first in line first. */
    List<Seat> waitlist(UUID eventId) {
        return sql.select(R.ID, R.EVENT_ID, R.TENANT_CODE, R.MEMBER_ID, R.PERSON_ID, R.STATUS, R.OFFER_EXPIRES_AT)
                .from(R).where(R.EVENT_ID.eq(eventId), R.STATUS.eq(RegistrationStatus.WAITLISTED.name()))
                .orderBy(R.WAITLIST_SEQ).fetch(RegistrationQueries::seat);
    }

    /** Offers a freed place until {@code expiresAt}. */
    void offer(UUID id, Instant expiresAt) {
        sql.update(R).set(R.STATUS, RegistrationStatus.OFFERED.name())
                .set(R.OFFER_EXPIRES_AT, expiresAt.atOffset(ZoneOffset.UTC))
                .set(R.NOTICE, Notice.OFFERED.name()).set(R.UPDATED_AT, OffsetDateTime.now())
                .where(R.ID.eq(id)).execute();
    }

    /** Puts the registration at the end of the waitlist. */
    void waitlist(UUID id, long sequence, String decidedBy) {
        sql.update(R).set(R.STATUS, RegistrationStatus.WAITLISTED.name()).set(R.WAITLIST_SEQ, sequence)
                .setNull(R.OFFER_EXPIRES_AT).set(R.NOTICE, Notice.WAITLISTED.name()).set(R.DECIDED_BY, decidedBy)
                .set(R.UPDATED_AT, OffsetDateTime.now()).where(R.ID.eq(id)).execute();
    }

    /**
     * Moves the registration to a status that neither waits nor is offered (CONFIRMED or a final one).
     *
     * @param notice the mail owed to the registrant, if any
     * @param reason why, for a rejection
     */
    void settle(UUID id, RegistrationStatus status, @Nullable Notice notice, @Nullable String decidedBy,
                @Nullable String reason) {
        sql.update(R).set(R.STATUS, status.name()).setNull(R.OFFER_EXPIRES_AT)
                .set(R.NOTICE, notice == null ? null : notice.name()).set(R.DECIDED_BY, decidedBy)
                .set(R.REASON, reason).set(R.UPDATED_AT, OffsetDateTime.now()).where(R.ID.eq(id)).execute();
    }

    /** The registration as the current association sees it. */
    Optional<RegistrationResponse> response(UUID id) {
        return select(R.ID.eq(id)).fetchOptional(RegistrationQueries::toResponse);
    }

    /** The event's registrations with {@code status} (all when null), in arrival order. */
    List<RegistrationResponse> ofEvent(UUID eventId, @Nullable RegistrationStatus status) {
        Condition where = R.EVENT_ID.eq(eventId);
        if (status != null) {
            where = where.and(R.STATUS.eq(status.name()));
        }
        return select(where).orderBy(R.ARRIVAL_SEQ).fetch(RegistrationQueries::toResponse);
    }

    /** One person's registrations for one event, or for every event when {@code eventId} is null. */
    List<RegistrationResponse> ofPerson(String tenant, long personId, @Nullable UUID eventId) {
        Condition where = R.TENANT_CODE.eq(tenant).and(R.PERSON_ID.eq(personId));
        if (eventId != null) {
            where = where.and(R.EVENT_ID.eq(eventId));
        }
        return select(where).orderBy(R.ARRIVAL_SEQ).fetch(RegistrationQueries::toResponse);
    }

    /** The current association's offers whose deadline passed by {@code now}, oldest first. */
    List<Seat> expiredOffers(String tenant, Instant now, int limit) {
        return sql.select(R.ID, R.EVENT_ID, R.TENANT_CODE, R.MEMBER_ID, R.PERSON_ID, R.STATUS, R.OFFER_EXPIRES_AT)
                .from(R).where(R.TENANT_CODE.eq(tenant), R.STATUS.eq(RegistrationStatus.OFFERED.name()),
                        R.OFFER_EXPIRES_AT.le(now.atOffset(ZoneOffset.UTC)))
                .orderBy(R.OFFER_EXPIRES_AT).limit(limit).fetch(RegistrationQueries::seat);
    }

    /** The mails owed to the current association's registrants, of one event or of all when null. */
    List<Owed> owedNotices(String tenant, @Nullable UUID eventId, int limit) {
        Condition where = R.TENANT_CODE.eq(tenant).and(R.NOTICE.isNotNull());
        if (eventId != null) {
            where = where.and(R.EVENT_ID.eq(eventId));
        }
        return sql.select(R.ID, R.EVENT_ID, R.NOTICE, R.OFFER_EXPIRES_AT, R.REASON, EVENT_REGISTRATION_PERSONAL.FULL_NAME,
                        EVENT_REGISTRATION_PERSONAL.EMAIL, EVENT_REGISTRATION_PERSONAL.LANGUAGE, position())
                .from(R).leftJoin(EVENT_REGISTRATION_PERSONAL)
                .on(EVENT_REGISTRATION_PERSONAL.REGISTRATION_ID.eq(R.ID)).where(where)
                .orderBy(R.UPDATED_AT, R.ID).limit(limit).forUpdate().of(R).skipLocked()
                .fetch(row -> new Owed(row.get(R.ID), row.get(R.EVENT_ID), Notice.valueOf(row.get(R.NOTICE)),
                        instant(row.get(R.OFFER_EXPIRES_AT)), row.get(R.REASON),
                        row.get(EVENT_REGISTRATION_PERSONAL.FULL_NAME), row.get(EVENT_REGISTRATION_PERSONAL.EMAIL),
                        row.get(EVENT_REGISTRATION_PERSONAL.LANGUAGE), row.get("waitlist_position", Integer.class)));
    }

    void clearNotice(UUID id) {
        sql.update(R).setNull(R.NOTICE).where(R.ID.eq(id)).execute();
    }

    private SelectConditionStep<Record> select(Condition where) {
        List<Field<?>> fields = new ArrayList<>(List.of(R.ID, R.EVENT_ID, R.TENANT_CODE, R.MEMBER_ID, R.MEMBER_NAME,
                R.PERSON_ID, R.ROLE, R.STATUS, R.OFFER_EXPIRES_AT, R.REASON, R.REGISTERED_AT,
                EVENT_REGISTRATION_PERSONAL.REGISTRATION_ID, EVENT_REGISTRATION_PERSONAL.FULL_NAME,
                EVENT_REGISTRATION_PERSONAL.EMAIL, EVENT_REGISTRATION_PERSONAL.LANGUAGE,
                EVENT_REGISTRATION_PERSONAL.DIETARY_NEEDS, EVENT_REGISTRATION_PERSONAL.ACCESSIBILITY_NEEDS,
                EVENT_REGISTRATION_PERSONAL.CONSENTED_AT, position()));
        return sql.select(fields).from(R)
                .leftJoin(EVENT_REGISTRATION_PERSONAL).on(EVENT_REGISTRATION_PERSONAL.REGISTRATION_ID.eq(R.ID))
                .where(where);
    }

    /** The place on the waitlist of a waitlisted registration: how many wait before it, itself included. */
    private static Field<Integer> position() {
        EventRegistration w = R.as("w");
        return DSL.when(R.STATUS.eq(RegistrationStatus.WAITLISTED.name()),
                DSL.field(DSL.selectCount().from(w).where(w.EVENT_ID.eq(R.EVENT_ID),
                        w.STATUS.eq(RegistrationStatus.WAITLISTED.name()), w.WAITLIST_SEQ.le(R.WAITLIST_SEQ))))
                .as("waitlist_position");
    }

    private static RegistrationResponse toResponse(Record row) {
        PersonalDetails person = row.get(EVENT_REGISTRATION_PERSONAL.REGISTRATION_ID) == null ? null
                : new PersonalDetails(row.get(R.PERSON_ID), row.get(EVENT_REGISTRATION_PERSONAL.FULL_NAME),
                row.get(EVENT_REGISTRATION_PERSONAL.EMAIL), row.get(EVENT_REGISTRATION_PERSONAL.LANGUAGE),
                row.get(EVENT_REGISTRATION_PERSONAL.DIETARY_NEEDS),
                row.get(EVENT_REGISTRATION_PERSONAL.ACCESSIBILITY_NEEDS),
                instant(row.get(EVENT_REGISTRATION_PERSONAL.CONSENTED_AT)));
        return new RegistrationResponse(row.get(R.ID), row.get(R.EVENT_ID), row.get(R.TENANT_CODE),
                row.get(R.MEMBER_ID), row.get(R.MEMBER_NAME), ParticipantRole.valueOf(row.get(R.ROLE)),
                RegistrationStatus.valueOf(row.get(R.STATUS)), row.get("waitlist_position", Integer.class),
                instant(row.get(R.OFFER_EXPIRES_AT)), row.get(R.REASON), row.get(R.REGISTERED_AT).toInstant(),
                person);
    }

    private static Seat seat(Record row) {
        return new Seat(row.get(R.ID), row.get(R.EVENT_ID), row.get(R.TENANT_CODE), row.get(R.MEMBER_ID),
                row.get(R.PERSON_ID), RegistrationStatus.valueOf(row.get(R.STATUS)),
                instant(row.get(R.OFFER_EXPIRES_AT)));
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /** The facts of a registration that the seat rules work on. */
    record Seat(UUID id, UUID eventId, String tenant, long memberId, @Nullable Long personId,
                RegistrationStatus status, @Nullable Instant offerExpiresAt) {
    }

    /** A mail owed to a registrant, with what the mail needs. */
    record Owed(UUID id, UUID eventId, Notice notice, @Nullable Instant offerExpiresAt, @Nullable String reason,
                @Nullable String fullName, @Nullable String email, @Nullable String language,
                @Nullable Integer waitlistPosition) {
    }
}
