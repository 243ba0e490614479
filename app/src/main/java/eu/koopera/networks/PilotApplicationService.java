package eu.koopera.networks;

import eu.koopera.members.MemberResponse;
import eu.koopera.people.MeResponse;
import eu.koopera.people.PeopleService;
import eu.koopera.platform.database.SqlStates;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import eu.koopera.tenancy.Tenant;
import eu.koopera.tenancy.TenantRegistry;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.jooq.exception.DataAccessException;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Pilot applications. A participating municipality applies through its own officer or its association's
 * administrators or coordinators while the network is open for applications; the network's managers accept or
 * reject with a reason. The pilot limit holds under concurrency because every acceptance locks the network row.
 */
@Singleton
public class PilotApplicationService {

    private final CallerContext callers;
    private final NetworkAccess access;
    private final ParticipationQueries participation;
    private final PilotApplicationQueries applications;
    private final FeedQueries feed;
    private final PeopleService people;
    private final TenantRegistry registry;
    private final PilotDecisionMail decisionMail;

    public PilotApplicationService(CallerContext callers, NetworkAccess access, ParticipationQueries participation,
                                   PilotApplicationQueries applications, FeedQueries feed, PeopleService people,
                                   TenantRegistry registry, PilotDecisionMail decisionMail) {
        this.callers = callers;
        this.access = access;
        this.participation = participation;
        this.applications = applications;
        this.feed = feed;
        this.people = people;
        this.registry = registry;
        this.decisionMail = decisionMail;
    }

    /**
     * Files an application for one of the caller's association's municipalities.
     *
     * @throws ApiException.BadRequest when the municipality does not take part in the network
     * @throws ApiException.Forbidden  when a member user applies for another municipality than their own
     * @throws ApiException.Conflict   when the network takes no applications now, or one is open already
     */
    @Transactional
    public ApplicationResponse apply(UUID networkId, ApplicationCommand command) {
        Caller caller = callers.requireTenantUser();
        NetworkResponse network = access.visible(networkId, caller);
        if (network.status() != NetworkStatus.OPEN_FOR_APPLICATIONS) {
            throw new ApiException.Conflict("The network is " + network.status() + " and takes no applications.");
        }
        ParticipantResponse member = participation.member(networkId, caller.tenantCode(), command.memberId())
                .orElseThrow(() -> new ApiException.BadRequest("This municipality does not take part in the network.",
                        List.of(new Problem.FieldError("memberId", "does not take part in the network"))));
        if (!caller.hasRole(Roles.ASSOCIATION_ADMIN) && !caller.hasRole(Roles.NETWORK_COORDINATOR)
                && !ownMember(command.memberId())) {
            throw new ApiException.Forbidden("Officers apply only for their own municipality.");
        }
        if (applications.hasOpen(networkId, caller.tenantCode(), command.memberId())) {
            throw openAlready();
        }
        ApplicationResponse filed;
        try {
            MeResponse me = people.me();
            String email = me.person() != null && me.person().email() != null ? me.person().email()
                    : me.user().email();
            String locale = me.user().locale() != null ? me.user().locale()
                    : registry.find(caller.tenantCode()).map(Tenant::defaultLocale).orElse(null);
            filed = applications.insert(networkId, member, command.motivation(), caller.username(), email, locale);
        } catch (DataAccessException e) {
            if (SqlStates.uniqueViolation(e)) {
                throw openAlready(); // filed by a concurrent request
            }
            throw e;
        }
        feed.append(networkId, caller.tenantCode(), caller.username(), FeedKind.PILOT_APPLIED,
                Map.of("tenant", caller.tenantCode(), "member", member.memberName()));
        return filed;
    }

    /** The network's applications the caller's association may see: all for the owner, its own for others. */
    @Transactional(readOnly = true)
    public List<ApplicationResponse> list(UUID networkId) {
        access.visible(networkId, callers.requireTenantUser());
        return applications.list(networkId);
    }

    /**
     * Accepts an open application while the network has room for another pilot.
     *
     * @throws ApiException.Conflict when the application is decided already or the pilot limit is reached
     */
    @Transactional
    public ApplicationResponse accept(UUID networkId, UUID applicationId, DecisionCommand command) {
        Caller caller = callers.requireTenantUser();
        NetworkResponse network = access.managed(networkId, caller); // locks the network: acceptances queue here
        open(networkId, applicationId);
        if (network.maxPilots() != null && applications.countAccepted(networkId) >= network.maxPilots()) {
            throw new ApiException.Conflict("The network has its " + network.maxPilots() + " pilots already.");
        }
        return decide(caller, networkId, applicationId, ApplicationStatus.ACCEPTED, blankToNull(command.reason()),
                FeedKind.PILOT_ACCEPTED);
    }

    /**
     * Rejects an open application with a reason.
     *
     * @throws ApiException.BadRequest when the reason is missing
     * @throws ApiException.Conflict   when the application is decided already
     */
    @Transactional
    public ApplicationResponse reject(UUID networkId, UUID applicationId, DecisionCommand command) {
        Caller caller = callers.requireTenantUser();
        access.managed(networkId, caller);
        String reason = blankToNull(command.reason());
        if (reason == null) {
            throw new ApiException.BadRequest("Say why the application is rejected.",
                    List.of(new Problem.FieldError("reason", "must not be blank")));
        }
        open(networkId, applicationId);
        return decide(caller, networkId, applicationId, ApplicationStatus.REJECTED, reason, FeedKind.PILOT_REJECTED);
    }

    private ApplicationResponse decide(Caller caller, UUID networkId, UUID applicationId, ApplicationStatus status,
                                       String reason, FeedKind kind) {
        ApplicationResponse decided = applications.decide(applicationId, status, reason, caller.username())
                .orElseThrow(PilotApplicationService::decidedAlready);
        applications.contact(applicationId).ifPresent(contact -> decisionMail.enqueue(contact,
                access.visible(networkId, caller), decided));
        feed.append(networkId, caller.tenantCode(), caller.username(), kind,
                Map.of("tenant", decided.tenant(), "member", decided.memberName()));
        return decided;
    }

    private void open(UUID networkId, UUID applicationId) {
        ApplicationResponse application = applications.find(networkId, applicationId)
                .orElseThrow(() -> new ApiException.NotFound("No application with this id."));
        if (application.status() != ApplicationStatus.OPEN) {
            throw decidedAlready();
        }
    }

    private boolean ownMember(long memberId) {
        MeResponse me = people.me();
        MemberResponse member = me.member();
        return member != null && member.id() == memberId;
    }

    private static ApiException openAlready() {
        return new ApiException.Conflict("This municipality has an open application to the network already.");
    }

    private static ApiException decidedAlready() {
        return new ApiException.Conflict("This application is decided already.");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
