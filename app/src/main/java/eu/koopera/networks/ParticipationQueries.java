package eu.koopera.networks;

import eu.koopera.jooq.shared.tables.records.NetworkInvitationRecord;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Optional;
import java.util.UUID;

import static eu.koopera.jooq.shared.Tables.NETWORK;
import static eu.koopera.jooq.shared.Tables.NETWORK_INVITATION;
import static eu.koopera.jooq.shared.Tables.NETWORK_MEMBER;

/** Invitations of associations to networks, and the member municipalities each association brings. */
@Singleton
class ParticipationQueries {

    private final DSLContext sql;
    private final SharedJson json;

    ParticipationQueries(DSLContext sql, SharedJson json) {
        this.sql = sql;
        this.json = json;
    }

    NetworkInvitationResponse invite(NetworkResponse network, String tenant, String invitedBy) {
        return sql.insertInto(NETWORK_INVITATION)
                .set(NETWORK_INVITATION.NETWORK_ID, network.id())
                .set(NETWORK_INVITATION.OWNER_TENANT, network.owner())
                .set(NETWORK_INVITATION.TENANT_CODE, tenant)
                .set(NETWORK_INVITATION.NETWORK_NAME, json.text(network.name()))
                .set(NETWORK_INVITATION.INVITED_BY, invitedBy)
                .returning().fetchSingle(this::toResponse);
    }

    /** Whether the association has a pending or accepted invitation to the network. */
    boolean hasLiveInvitation(UUID networkId, String tenant) {
        return sql.fetchExists(NETWORK_INVITATION, NETWORK_INVITATION.NETWORK_ID.eq(networkId),
                NETWORK_INVITATION.TENANT_CODE.eq(tenant), NETWORK_INVITATION.STATUS.in(
                        InvitationStatus.PENDING.name(), InvitationStatus.ACCEPTED.name()));
    }

    /** The invitation, locked until the transaction ends, if it was sent to {@code tenant}. */
    Optional<NetworkInvitationResponse> lockReceived(UUID id, String tenant) {
        return sql.selectFrom(NETWORK_INVITATION)
                .where(NETWORK_INVITATION.ID.eq(id), NETWORK_INVITATION.TENANT_CODE.eq(tenant))
                .forUpdate().fetchOptional(this::toResponse);
    }

    /** Invitations sent to {@code tenant}, newest first. */
    List<NetworkInvitationResponse> received(String tenant) {
        return sql.selectFrom(NETWORK_INVITATION).where(NETWORK_INVITATION.TENANT_CODE.eq(tenant))
                .orderBy(NETWORK_INVITATION.INVITED_AT.desc(), NETWORK_INVITATION.ID)
                .fetch(this::toResponse);
    }

    /** Invitations the owner sent for one network, newest first. */
    List<NetworkInvitationResponse> sent(UUID networkId) {
        return sql.selectFrom(NETWORK_INVITATION).where(NETWORK_INVITATION.NETWORK_ID.eq(networkId))
                .orderBy(NETWORK_INVITATION.INVITED_AT.desc(), NETWORK_INVITATION.ID)
                .fetch(this::toResponse);
    }

    void decide(UUID id, InvitationStatus status, String decidedBy) {
        sql.update(NETWORK_INVITATION)
                .set(NETWORK_INVITATION.STATUS, status.name())
                .set(NETWORK_INVITATION.DECIDED_BY, decidedBy)
                .set(NETWORK_INVITATION.DECIDED_AT, OffsetDateTime.now())
                .where(NETWORK_INVITATION.ID.eq(id)).execute();
    }

    /** Marks the association's accepted invitation to the network as left. */
    void markLeft(UUID networkId, String tenant, String username) {
        sql.update(NETWORK_INVITATION)
                .set(NETWORK_INVITATION.STATUS, InvitationStatus.LEFT.name())
                .set(NETWORK_INVITATION.DECIDED_BY, username)
                .set(NETWORK_INVITATION.DECIDED_AT, OffsetDateTime.now())
                .where(NETWORK_INVITATION.NETWORK_ID.eq(networkId), NETWORK_INVITATION.TENANT_CODE.eq(tenant),
                        NETWORK_INVITATION.STATUS.eq(InvitationStatus.ACCEPTED.name()))
                .execute();
    }

    /** Adds a municipality of the current association; false when it already takes part. */
    boolean addMember(UUID networkId, String tenant, long memberId, String memberName, String addedBy) {
        return sql.insertInto(NETWORK_MEMBER)
                .set(NETWORK_MEMBER.NETWORK_ID, networkId)
                .set(NETWORK_MEMBER.TENANT_CODE, tenant)
                .set(NETWORK_MEMBER.MEMBER_ID, memberId)
                .set(NETWORK_MEMBER.MEMBER_NAME, memberName)
                .set(NETWORK_MEMBER.ADDED_BY, addedBy)
                .onConflictDoNothing().execute() == 1;
    }

    boolean removeMember(UUID networkId, String tenant, long memberId) {
        return sql.deleteFrom(NETWORK_MEMBER).where(NETWORK_MEMBER.NETWORK_ID.eq(networkId),
                NETWORK_MEMBER.TENANT_CODE.eq(tenant), NETWORK_MEMBER.MEMBER_ID.eq(memberId)).execute() == 1;
    }

    void removeAllMembers(UUID networkId, String tenant) {
        sql.deleteFrom(NETWORK_MEMBER)
                .where(NETWORK_MEMBER.NETWORK_ID.eq(networkId), NETWORK_MEMBER.TENANT_CODE.eq(tenant)).execute();
    }

    Optional<ParticipantResponse> member(UUID networkId, String tenant, long memberId) {
        return sql.selectFrom(NETWORK_MEMBER).where(NETWORK_MEMBER.NETWORK_ID.eq(networkId),
                        NETWORK_MEMBER.TENANT_CODE.eq(tenant), NETWORK_MEMBER.MEMBER_ID.eq(memberId))
                .fetchOptional(row -> new ParticipantResponse(row.getTenantCode(), row.getMemberId(),
                        row.getMemberName(), row.getAddedAt().toInstant()));
    }

    /** Every municipality taking part, by association and name. */
    List<ParticipantResponse> members(UUID networkId) {
        return sql.selectFrom(NETWORK_MEMBER).where(NETWORK_MEMBER.NETWORK_ID.eq(networkId))
                .orderBy(NETWORK_MEMBER.TENANT_CODE, NETWORK_MEMBER.MEMBER_NAME, NETWORK_MEMBER.MEMBER_ID)
                .fetch(row -> new ParticipantResponse(row.getTenantCode(), row.getMemberId(), row.getMemberName(),
                        row.getAddedAt().toInstant()));
    }

    private NetworkInvitationResponse toResponse(NetworkInvitationRecord row) {
        return new NetworkInvitationResponse(row.getId(), row.getNetworkId(), json.text(row.getNetworkName()),
                row.getOwnerTenant(), row.getTenantCode(), InvitationStatus.valueOf(row.getStatus()),
                row.getInvitedBy(), row.getInvitedAt().toInstant(), row.getDecidedBy(),
                row.getDecidedAt() == null ? null : row.getDecidedAt().toInstant());
    }

    /** The themes of the networks in which {@code tenant}'s members take part, by member id, themes sorted. */
    Map<Long, Set<String>> memberThemes(String tenant) {
        Map<Long, Set<String>> themes = new TreeMap<>();
        sql.selectDistinct(NETWORK_MEMBER.MEMBER_ID, NETWORK.THEME)
                .from(NETWORK_MEMBER).join(NETWORK).on(NETWORK.ID.eq(NETWORK_MEMBER.NETWORK_ID))
                .where(NETWORK_MEMBER.TENANT_CODE.eq(tenant), NETWORK.THEME.isNotNull())
                .forEach(row -> themes.computeIfAbsent(row.value1(), id -> new TreeSet<>()).add(row.value2()));
        return themes;
    }
}
