package eu.koopera.networks;

import eu.koopera.members.MemberResponse;
import eu.koopera.members.MemberService;
import eu.koopera.platform.database.SqlStates;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import eu.koopera.tenancy.TenantRegistry;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.jooq.exception.DataAccessException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Which associations and municipalities take part in a network. The owner invites associations; an invited
 * association's administrator accepts with the municipalities that take part, may add or remove them later, and
 * may leave, which ends its access at once. Each association manages only its own municipalities.
 */
@Singleton
public class ParticipationService {

    private final CallerContext callers;
    private final NetworkAccess access;
    private final NetworkQueries networks;
    private final ParticipationQueries participation;
    private final FeedQueries feed;
    private final MemberService members;
    private final TenantRegistry tenants;

    public ParticipationService(CallerContext callers, NetworkAccess access, NetworkQueries networks,
                                ParticipationQueries participation, FeedQueries feed, MemberService members,
                                TenantRegistry tenants) {
        this.callers = callers;
        this.access = access;
        this.networks = networks;
        this.participation = participation;
        this.feed = feed;
        this.members = members;
        this.tenants = tenants;
    }

    /**
     * Invites another association.
     *
     * @throws ApiException.BadRequest for an unknown association
     * @throws ApiException.Conflict   for the owner itself, or one already invited or taking part
     */
    @Transactional
    public NetworkInvitationResponse invite(UUID networkId, InvitationCommand command) {
        Caller caller = callers.requireTenantUser();
        NetworkResponse network = access.managed(networkId, caller);
        String tenant = command.tenant().strip();
        if (tenants.find(tenant).isEmpty()) {
            throw new ApiException.BadRequest("There is no association with this code.",
                    List.of(new Problem.FieldError("tenant", "unknown association")));
        }
        if (network.ownedBy(tenant)) {
            throw new ApiException.Conflict("The owning association takes part already.");
        }
        if (network.tenants().contains(tenant) || participation.hasLiveInvitation(networkId, tenant)) {
            throw new ApiException.Conflict("This association is invited or takes part already.");
        }
        NetworkInvitationResponse invitation;
        try {
            invitation = participation.invite(network, tenant, caller.username());
        } catch (DataAccessException e) {
            if (SqlStates.uniqueViolation(e)) {
                throw new ApiException.Conflict("This association is invited or takes part already.");
            }
            throw e;
        }
        feed.append(networkId, caller.tenantCode(), caller.username(), FeedKind.ASSOCIATION_INVITED,
                Map.of("tenant", tenant));
        return invitation;
    }

    /** The invitations the owner sent for a network, for its administrators and coordinators. */
    @Transactional(readOnly = true)
    public List<NetworkInvitationResponse> sent(UUID networkId) {
        Caller caller = callers.requireTenantRole(Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR);
        if (!access.visible(networkId, caller).ownedBy(caller.tenantCode())) {
            throw new ApiException.Forbidden("Only the owning association sees its invitations.");
        }
        return participation.sent(networkId);
    }

    /** The invitations the caller's association received, newest first. */
    @Transactional(readOnly = true)
    public List<NetworkInvitationResponse> received() {
        Caller caller = callers.requireTenantRole(Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR);
        return participation.received(caller.tenantCode());
    }

    /**
     * Accepts a pending invitation: the association joins the network with the named municipalities.
     *
     * @throws ApiException.BadRequest when a named member does not exist
     * @throws ApiException.Conflict   when the invitation is no longer pending
     */
    @Transactional
    public NetworkResponse accept(UUID invitationId, AcceptInvitationCommand command) {
        Caller caller = callers.requireTenantRole(Roles.ASSOCIATION_ADMIN);
        NetworkInvitationResponse invitation = pending(invitationId, caller);
        List<MemberResponse> chosen = new LinkedHashSet<>(command.memberIds()).stream().map(this::member).toList();
        if (!networks.join(invitation.networkId(), caller.tenantCode())) {
            throw NetworkAccess.notFound(); // the owner deleted the network meanwhile
        }
        participation.decide(invitationId, InvitationStatus.ACCEPTED, caller.username());
        feed.append(invitation.networkId(), caller.tenantCode(), caller.username(), FeedKind.INVITATION_ACCEPTED,
                Map.of("tenant", caller.tenantCode()));
        for (MemberResponse member : chosen) {
            addMember(invitation.networkId(), caller, member);
        }
        return access.visible(invitation.networkId(), caller);
    }

    /** Declines a pending invitation. */
    @Transactional
    public NetworkInvitationResponse decline(UUID invitationId) {
        Caller caller = callers.requireTenantRole(Roles.ASSOCIATION_ADMIN);
        NetworkInvitationResponse invitation = pending(invitationId, caller);
        feed.append(invitation.networkId(), caller.tenantCode(), caller.username(), FeedKind.INVITATION_DECLINED,
                Map.of("tenant", caller.tenantCode()));
        participation.decide(invitationId, InvitationStatus.DECLINED, caller.username());
        return participation.lockReceived(invitationId, caller.tenantCode()).orElseThrow();
    }

    /**
     * Takes the caller's association out of a network, with its municipalities; its access ends with the
     * transaction. Pilot applications stay with the owner.
     *
     * @throws ApiException.Conflict for the owning association, which cannot leave its own network
     */
    @Transactional
    public void leave(UUID networkId) {
        Caller caller = callers.requireTenantRole(Roles.ASSOCIATION_ADMIN);
        NetworkResponse network = access.visible(networkId, caller);
        if (network.ownedBy(caller.tenantCode())) {
            throw new ApiException.Conflict("The owning association cannot leave its own network.");
        }
        participation.removeAllMembers(networkId, caller.tenantCode());
        feed.append(networkId, caller.tenantCode(), caller.username(), FeedKind.ASSOCIATION_LEFT,
                Map.of("tenant", caller.tenantCode()));
        networks.leave(networkId, caller.tenantCode());
        participation.markLeft(networkId, caller.tenantCode(), caller.username());
    }

    /** The municipalities of every association taking part. */
    @Transactional(readOnly = true)
    public List<ParticipantResponse> participants(UUID networkId) {
        access.visible(networkId, callers.requireTenantUser());
        return participation.members(networkId);
    }

    /**
     * Adds one of the caller's association's members to the network.
     *
     * @throws ApiException.BadRequest when the member does not exist in the association
     * @throws ApiException.Conflict   when it takes part already
     */
    @Transactional
    public ParticipantResponse addParticipant(UUID networkId, ParticipantCommand command) {
        Caller caller = callers.requireTenantUser();
        requireOwnMembersManager(networkId, caller);
        return addMember(networkId, caller, member(command.memberId()));
    }

    /** Removes one of the caller's association's members from the network. */
    @Transactional
    public void removeParticipant(UUID networkId, ParticipantCommand command) {
        Caller caller = callers.requireTenantUser();
        requireOwnMembersManager(networkId, caller);
        ParticipantResponse removed = participation.member(networkId, caller.tenantCode(), command.memberId())
                .orElseThrow(() -> new ApiException.NotFound("This member does not take part in the network."));
        participation.removeMember(networkId, caller.tenantCode(), command.memberId());
        feed.append(networkId, caller.tenantCode(), caller.username(), FeedKind.MUNICIPALITY_REMOVED,
                Map.of("tenant", caller.tenantCode(), "member", removed.memberName()));
    }

    private ParticipantResponse addMember(UUID networkId, Caller caller, MemberResponse member) {
        if (!participation.addMember(networkId, caller.tenantCode(), member.id(), member.name(), caller.username())) {
            throw new ApiException.Conflict("This member takes part in the network already.");
        }
        feed.append(networkId, caller.tenantCode(), caller.username(), FeedKind.MUNICIPALITY_ADDED,
                Map.of("tenant", caller.tenantCode(), "member", member.name()));
        return participation.member(networkId, caller.tenantCode(), member.id()).orElseThrow();
    }

    private void requireOwnMembersManager(UUID networkId, Caller caller) {
        NetworkResponse network = access.visible(networkId, caller);
        if (!access.managesOwnMembers(network, caller)) {
            throw new ApiException.Forbidden("Only the association's administrators choose its municipalities.");
        }
    }

    private NetworkInvitationResponse pending(UUID invitationId, Caller caller) {
        NetworkInvitationResponse invitation = participation.lockReceived(invitationId, caller.tenantCode())
                .orElseThrow(() -> new ApiException.NotFound("No invitation with this id."));
        if (invitation.status() != InvitationStatus.PENDING) {
            throw new ApiException.Conflict("This invitation is " + invitation.status() + ", no longer pending.");
        }
        return invitation;
    }

    private MemberResponse member(long memberId) {
        if (!members.exists(memberId)) {
            throw new ApiException.BadRequest("No member with this id in the association.",
                    List.of(new Problem.FieldError("memberId", "unknown member " + memberId)));
        }
        return members.get(memberId);
    }

    /**
     * The themes of the networks each of the association's members takes part in, by member id: what partner search
     * offers as a member's themes of interest. Members in no network with a theme are absent.
     */
    @Transactional(readOnly = true)
    public Map<Long, Set<String>> memberThemes() {
        return participation.memberThemes(callers.requireTenantUser().tenantCode());
    }
}
