package eu.koopera.people;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static eu.koopera.jooq.tenant.Tables.INVITATION;
import static eu.koopera.jooq.tenant.Tables.PERSON;

/** Invitations of the current tenant. Rows that are about to change are read with a row lock. */
@Singleton
class InvitationQueries {

    private final DSLContext sql;

    InvitationQueries(DSLContext sql) {
        this.sql = sql;
    }

    /** An invitation as stored, for deciding what may happen to it. */
    record Row(long id, long personId, String email, List<String> roles, String status, Instant expiresAt) {

        InvitationStatus effectiveStatus(Instant now) {
            return InvitationStatus.effective(status, expiresAt, now);
        }
    }

    /** The invited person, as far as invitations care. */
    record Invitee(long id, String fullName, @Nullable String email, @Nullable Long userId) {
    }

    long insert(long personId, String email, String tokenHash, String roles, Instant expiresAt, String createdBy) {
        return sql.insertInto(INVITATION)
                .set(INVITATION.PERSON_ID, personId)
                .set(INVITATION.EMAIL, email)
                .set(INVITATION.TOKEN_HASH, tokenHash)
                .set(INVITATION.ROLES, roles)
                .set(INVITATION.EXPIRES_AT, at(expiresAt))
                .set(INVITATION.CREATED_BY, createdBy)
                .returning(INVITATION.ID)
                .fetchSingle(INVITATION.ID);
    }

    Optional<InvitationResponse> find(long id, Instant now) {
        return select().where(INVITATION.ID.eq(id)).fetchOptional(row -> toResponse(row, now));
    }

    /** Invitations in {@code status} as it stands at {@code now} (all when null), newest first. */
    InvitationPage list(@Nullable InvitationStatus status, int page, int size, Instant now) {
        Condition where = status == null ? DSL.noCondition() : effectivelyIn(status, now);
        int total = sql.fetchCount(INVITATION, where);
        List<InvitationResponse> items = select().where(where)
                .orderBy(INVITATION.CREATED_AT.desc(), INVITATION.ID.desc())
                .limit(size).offset((long) page * size)
                .fetch(row -> toResponse(row, now));
        return new InvitationPage(items, page, size, total);
    }

    Optional<Row> lock(long id) {
        return sql.selectFrom(INVITATION).where(INVITATION.ID.eq(id)).forUpdate().fetchOptional(this::toRow);
    }

    Optional<Row> findByTokenHash(String tokenHash) {
        return sql.selectFrom(INVITATION).where(INVITATION.TOKEN_HASH.eq(tokenHash)).fetchOptional(this::toRow);
    }

    Optional<Row> lockByTokenHash(String tokenHash) {
        return sql.selectFrom(INVITATION).where(INVITATION.TOKEN_HASH.eq(tokenHash)).forUpdate()
                .fetchOptional(this::toRow);
    }

    Optional<Row> lockPendingOf(long personId) {
        return sql.selectFrom(INVITATION)
                .where(INVITATION.PERSON_ID.eq(personId).and(INVITATION.STATUS.eq(InvitationStatus.PENDING.name())))
                .forUpdate().fetchOptional(this::toRow);
    }

    /** The person, locked so that invitations for them are made one at a time. */
    Optional<Invitee> lockInvitee(long personId) {
        return sql.select(PERSON.ID, PERSON.FIRST_NAME, PERSON.LAST_NAME, PERSON.EMAIL, PERSON.USER_ID)
                .from(PERSON).where(PERSON.ID.eq(personId)).forUpdate()
                .fetchOptional(row -> new Invitee(row.value1(), row.value2() + " " + row.value3(), row.value4(),
                        row.value5()));
    }

    void setStatus(long id, InvitationStatus status, @Nullable Instant acceptedAt) {
        sql.update(INVITATION)
                .set(INVITATION.STATUS, status.name())
                .set(INVITATION.ACCEPTED_AT, acceptedAt == null ? null : at(acceptedAt))
                .where(INVITATION.ID.eq(id))
                .execute();
    }

    /** Gives an invitation a new token, address and expiry, and makes it pending again. */
    void renew(long id, String tokenHash, String email, Instant expiresAt) {
        sql.update(INVITATION)
                .set(INVITATION.TOKEN_HASH, tokenHash)
                .set(INVITATION.EMAIL, email)
                .set(INVITATION.EXPIRES_AT, at(expiresAt))
                .set(INVITATION.STATUS, InvitationStatus.PENDING.name())
                .where(INVITATION.ID.eq(id))
                .execute();
    }

    private org.jooq.SelectOnConditionStep<Record> select() {
        return sql.select(INVITATION.asterisk(), PERSON.FIRST_NAME, PERSON.LAST_NAME)
                .from(INVITATION).join(PERSON).on(PERSON.ID.eq(INVITATION.PERSON_ID));
    }

    /** How many invitations are pending at {@code now}, and how many of them expire before {@code soon}. */
    InvitationSummary summary(Instant now, Instant soon) {
        Condition pending = effectivelyIn(InvitationStatus.PENDING, now);
        Record counts = sql.select(DSL.count(), DSL.count().filterWhere(INVITATION.EXPIRES_AT.le(at(soon))))
                .from(INVITATION).where(pending).fetchSingle();
        return new InvitationSummary(counts.get(0, int.class), counts.get(1, int.class));
    }

    private static Condition effectivelyIn(InvitationStatus status, Instant now) {
        OffsetDateTime at = at(now);
        Condition pending = INVITATION.STATUS.eq(InvitationStatus.PENDING.name());
        return switch (status) {
            case PENDING -> pending.and(INVITATION.EXPIRES_AT.gt(at));
            case EXPIRED -> INVITATION.STATUS.eq(InvitationStatus.EXPIRED.name())
                    .or(pending.and(INVITATION.EXPIRES_AT.le(at)));
            case ACCEPTED, REVOKED -> INVITATION.STATUS.eq(status.name());
        };
    }

    private Row toRow(eu.koopera.jooq.tenant.tables.records.InvitationRecord row) {
        return new Row(row.getId(), row.getPersonId(), row.getEmail(), roles(row.getRoles()), row.getStatus(),
                row.getExpiresAt().toInstant());
    }

    private static InvitationResponse toResponse(Record row, Instant now) {
        Instant expiresAt = row.get(INVITATION.EXPIRES_AT).toInstant();
        OffsetDateTime acceptedAt = row.get(INVITATION.ACCEPTED_AT);
        return new InvitationResponse(row.get(INVITATION.ID), row.get(INVITATION.PERSON_ID),
                row.get(PERSON.FIRST_NAME) + " " + row.get(PERSON.LAST_NAME), row.get(INVITATION.EMAIL),
                roles(row.get(INVITATION.ROLES)),
                InvitationStatus.effective(row.get(INVITATION.STATUS), expiresAt, now), expiresAt,
                row.get(INVITATION.CREATED_BY), row.get(INVITATION.CREATED_AT).toInstant(),
                acceptedAt == null ? null : acceptedAt.toInstant());
    }

    private static List<String> roles(String roles) {
        return Arrays.stream(roles.split(",")).map(String::strip).filter(role -> !role.isEmpty()).toList();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
