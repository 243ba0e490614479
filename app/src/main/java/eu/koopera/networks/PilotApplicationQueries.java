package eu.koopera.networks;

import eu.koopera.jooq.shared.tables.records.NetworkPilotApplicationRecord;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static eu.koopera.jooq.shared.Tables.NETWORK_PILOT_APPLICATION;

/** Pilot applications; row-level security shows the owner all of a network's, other associations their own. */
@Singleton
class PilotApplicationQueries {

    private final DSLContext sql;

    PilotApplicationQueries(DSLContext sql) {
        this.sql = sql;
    }

    ApplicationResponse insert(UUID networkId, ParticipantResponse member, String motivation, String appliedBy,
                               @Nullable String contactEmail, @Nullable String contactLocale) {
        return sql.insertInto(NETWORK_PILOT_APPLICATION)
                .set(NETWORK_PILOT_APPLICATION.NETWORK_ID, networkId)
                .set(NETWORK_PILOT_APPLICATION.TENANT_CODE, member.tenant())
                .set(NETWORK_PILOT_APPLICATION.MEMBER_ID, member.memberId())
                .set(NETWORK_PILOT_APPLICATION.MEMBER_NAME, member.memberName())
                .set(NETWORK_PILOT_APPLICATION.MOTIVATION, motivation.strip())
                .set(NETWORK_PILOT_APPLICATION.APPLIED_BY, appliedBy)
                .set(NETWORK_PILOT_APPLICATION.CONTACT_EMAIL, contactEmail)
                .set(NETWORK_PILOT_APPLICATION.CONTACT_LOCALE, contactLocale)
                .returning().fetchSingle(PilotApplicationQueries::toResponse);
    }

    boolean hasOpen(UUID networkId, String tenant, long memberId) {
        return sql.fetchExists(NETWORK_PILOT_APPLICATION, NETWORK_PILOT_APPLICATION.NETWORK_ID.eq(networkId),
                NETWORK_PILOT_APPLICATION.TENANT_CODE.eq(tenant), NETWORK_PILOT_APPLICATION.MEMBER_ID.eq(memberId),
                NETWORK_PILOT_APPLICATION.STATUS.eq(ApplicationStatus.OPEN.name()));
    }

    Optional<ApplicationResponse> find(UUID networkId, UUID id) {
        return sql.selectFrom(NETWORK_PILOT_APPLICATION)
                .where(NETWORK_PILOT_APPLICATION.NETWORK_ID.eq(networkId), NETWORK_PILOT_APPLICATION.ID.eq(id))
                .fetchOptional(PilotApplicationQueries::toResponse);
    }

    int countAccepted(UUID networkId) {
        return sql.fetchCount(NETWORK_PILOT_APPLICATION, NETWORK_PILOT_APPLICATION.NETWORK_ID.eq(networkId),
                NETWORK_PILOT_APPLICATION.STATUS.eq(ApplicationStatus.ACCEPTED.name()));
    }

    /** Decides an open application; empty when it is no longer open. */
    Optional<ApplicationResponse> decide(UUID id, ApplicationStatus status, @Nullable String reason,
                                         String decidedBy) {
        return sql.update(NETWORK_PILOT_APPLICATION)
                .set(NETWORK_PILOT_APPLICATION.STATUS, status.name())
                .set(NETWORK_PILOT_APPLICATION.REASON, reason)
                .set(NETWORK_PILOT_APPLICATION.DECIDED_BY, decidedBy)
                .set(NETWORK_PILOT_APPLICATION.DECIDED_AT, OffsetDateTime.now())
                .where(NETWORK_PILOT_APPLICATION.ID.eq(id),
                        NETWORK_PILOT_APPLICATION.STATUS.eq(ApplicationStatus.OPEN.name()))
                .returning().fetchOptional(PilotApplicationQueries::toResponse);
    }

    /** Whom to tell about the application's decision, if the applicant left an address. */
    Optional<Contact> contact(UUID id) {
        return sql.select(NETWORK_PILOT_APPLICATION.CONTACT_EMAIL, NETWORK_PILOT_APPLICATION.CONTACT_LOCALE)
                .from(NETWORK_PILOT_APPLICATION)
                .where(NETWORK_PILOT_APPLICATION.ID.eq(id), NETWORK_PILOT_APPLICATION.CONTACT_EMAIL.isNotNull())
                .fetchOptional(row -> new Contact(row.value1(), row.value2()));
    }

    /**
     * The applicant's address and language.
     *
     * @param email  where the decision goes
     * @param locale the language it is written in, if known
     */
    record Contact(String email, @Nullable String locale) {
    }

    /** The applications the current association may see, newest first. */
    List<ApplicationResponse> list(UUID networkId) {
        return sql.selectFrom(NETWORK_PILOT_APPLICATION).where(NETWORK_PILOT_APPLICATION.NETWORK_ID.eq(networkId))
                .orderBy(NETWORK_PILOT_APPLICATION.APPLIED_AT.desc(), NETWORK_PILOT_APPLICATION.ID)
                .fetch(PilotApplicationQueries::toResponse);
    }

    private static ApplicationResponse toResponse(NetworkPilotApplicationRecord row) {
        return new ApplicationResponse(row.getId(), row.getNetworkId(), row.getTenantCode(), row.getMemberId(),
                row.getMemberName(), row.getMotivation(), ApplicationStatus.valueOf(row.getStatus()),
                row.getReason(), row.getAppliedBy(), row.getAppliedAt().toInstant(), row.getDecidedBy(),
                row.getDecidedAt() == null ? null : row.getDecidedAt().toInstant());
    }
}
