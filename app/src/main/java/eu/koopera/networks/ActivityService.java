package eu.koopera.networks;

import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Pilot activities of networks: every participating association reads them; the owner's administrators and the
 * network's coordinators write them. The responsible municipality must take part in the network.
 */
@Singleton
public class ActivityService {

    private final CallerContext callers;
    private final NetworkAccess access;
    private final ParticipationQueries participation;
    private final ActivityQueries activities;
    private final FeedQueries feed;

    public ActivityService(CallerContext callers, NetworkAccess access, ParticipationQueries participation,
                           ActivityQueries activities, FeedQueries feed) {
        this.callers = callers;
        this.access = access;
        this.participation = participation;
        this.activities = activities;
        this.feed = feed;
    }

    /**
     * Adds a pilot activity to a network the caller manages.
     *
     * @throws ApiException.BadRequest when the responsible municipality does not take part in the network
     */
    @Transactional
    public ActivityResponse create(UUID networkId, ActivityCommand command) {
        Caller caller = callers.requireTenantUser();
        access.managed(networkId, caller);
        UUID id = activities.insert(networkId, caller.tenantCode(), command, responsibleName(networkId, command));
        feed.append(networkId, caller.tenantCode(), caller.username(), FeedKind.ACTIVITY_CREATED,
                Map.of("goal", command.goal().strip()));
        return activities.find(id).orElseThrow();
    }

    /** The pilot activities of a network the caller's association takes part in. */
    @Transactional(readOnly = true)
    public List<ActivityResponse> list(UUID networkId) {
        access.visible(networkId, callers.requireTenantUser());
        return activities.list(networkId);
    }

    /**
     * Replaces an activity and its milestones.
     *
     * @throws ApiException.NotFound when the caller's association does not take part in its network
     * @throws ApiException.Conflict when {@code version} is stale (with the current state)
     */
    @Transactional
    public ActivityResponse update(UUID id, ActivityCommand command) {
        Caller caller = callers.requireTenantUser();
        UUID networkId = activities.networkOf(id).orElseThrow(ActivityService::notFound);
        access.managed(networkId, caller);
        if (command.version() == null) {
            throw new ApiException.BadRequest("Send back the version you last read.",
                    List.of(new Problem.FieldError("version", "must not be null")));
        }
        if (!activities.update(id, command.version(), command, responsibleName(networkId, command))) {
            throw new ApiException.Conflict("The activity was changed by someone else; here is its current state.",
                    activities.find(id).orElseThrow(ActivityService::notFound));
        }
        feed.append(networkId, caller.tenantCode(), caller.username(), FeedKind.ACTIVITY_UPDATED,
                Map.of("goal", command.goal().strip()));
        return activities.find(id).orElseThrow(ActivityService::notFound);
    }

    private String responsibleName(UUID networkId, ActivityCommand command) {
        return participation.member(networkId, command.responsibleTenant(), command.responsibleMember())
                .map(ParticipantResponse::memberName)
                .orElseThrow(() -> new ApiException.BadRequest("The responsible municipality does not take part in "
                        + "the network.", List.of(new Problem.FieldError("responsibleMember",
                        "does not take part in the network"))));
    }

    private static ApiException notFound() {
        return new ApiException.NotFound("No activity with this id.");
    }
}
