package eu.koopera.partnerships;

import eu.koopera.jooq.shared.tables.records.AgreementCommitteeMemberRecord;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static eu.koopera.jooq.shared.Tables.AGREEMENT_COMMITTEE_MEMBER;

/** The members of twinning committees. */
@Singleton
class CommitteeQueries {

    private final DSLContext sql;

    CommitteeQueries(DSLContext sql) {
        this.sql = sql;
    }

    CommitteeMemberResponse add(UUID agreementId, String owner, String name, @Nullable String role,
                                @Nullable String municipality, CommitteeRole kind, String addedBy) {
        return sql.insertInto(AGREEMENT_COMMITTEE_MEMBER)
                .set(AGREEMENT_COMMITTEE_MEMBER.AGREEMENT_ID, agreementId)
                .set(AGREEMENT_COMMITTEE_MEMBER.OWNER_TENANT, owner)
                .set(AGREEMENT_COMMITTEE_MEMBER.NAME, name)
                .set(AGREEMENT_COMMITTEE_MEMBER.ROLE, role)
                .set(AGREEMENT_COMMITTEE_MEMBER.MUNICIPALITY, municipality)
                .set(AGREEMENT_COMMITTEE_MEMBER.KIND, kind.name())
                .set(AGREEMENT_COMMITTEE_MEMBER.ADDED_BY, addedBy)
                .returning().fetchSingle(CommitteeQueries::toResponse);
    }

    /** The committee by municipality and name. */
    List<CommitteeMemberResponse> list(UUID agreementId) {
        return sql.selectFrom(AGREEMENT_COMMITTEE_MEMBER)
                .where(AGREEMENT_COMMITTEE_MEMBER.AGREEMENT_ID.eq(agreementId))
                .orderBy(AGREEMENT_COMMITTEE_MEMBER.MUNICIPALITY.nullsLast(), AGREEMENT_COMMITTEE_MEMBER.NAME,
                        AGREEMENT_COMMITTEE_MEMBER.ID)
                .fetch(CommitteeQueries::toResponse);
    }

    /** Removes a member of the agreement's committee; the removed member, if there was one. */
    Optional<CommitteeMemberResponse> remove(UUID agreementId, UUID memberId) {
        return sql.deleteFrom(AGREEMENT_COMMITTEE_MEMBER).where(AGREEMENT_COMMITTEE_MEMBER.ID.eq(memberId),
                        AGREEMENT_COMMITTEE_MEMBER.AGREEMENT_ID.eq(agreementId))
                .returning().fetchOptional(CommitteeQueries::toResponse);
    }

    private static CommitteeMemberResponse toResponse(AgreementCommitteeMemberRecord row) {
        return new CommitteeMemberResponse(row.getId(), row.getName(), row.getRole(), row.getMunicipality(),
                CommitteeRole.valueOf(row.getKind()));
    }
}
