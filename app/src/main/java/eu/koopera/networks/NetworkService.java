package eu.koopera.networks;

import eu.koopera.accounts.AccountService;
import eu.koopera.accounts.TenantUser;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Cooperation networks: an association's administrators and coordinators create them; their owner's
 * administrators and the network's coordinators change them; every user of a taking-part association reads them.
 * Every change is written to the network's feed in the same transaction.
 */
@Singleton
public class NetworkService {

    private static final int NAME_LENGTH = 200;
    private static final int DESCRIPTION_LENGTH = 4000;

    private final CallerContext callers;
    private final NetworkQueries networks;
    private final NetworkAccess access;
    private final FeedQueries feed;
    private final AccountService accounts;

    public NetworkService(CallerContext callers, NetworkQueries networks, NetworkAccess access, FeedQueries feed,
                          AccountService accounts) {
        this.callers = callers;
        this.networks = networks;
        this.access = access;
        this.feed = feed;
        this.accounts = accounts;
    }

    /** Creates a network owned by the caller's association, with the caller as its first coordinator. */
    @Transactional
    public NetworkResponse create(NetworkCommand command) {
        Caller caller = callers.requireTenantRole(Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR);
        LocalizedText name = command.name().normalized();
        LocalizedText description = description(command);
        validate(command, name, description);
        NetworkResponse created = networks.insert(caller.tenantCode(), command, name, description);
        TenantUser user = accounts.findTenantUser(caller.username())
                .orElseThrow(() -> new ApiException.Unauthorized("The account no longer exists."));
        networks.addCoordinator(created.id(), caller.tenantCode(), user.id(), user.username(), user.displayName());
        feed.append(created.id(), caller.tenantCode(), caller.username(), FeedKind.NETWORK_CREATED,
                Map.of("name", name.asMap()));
        return created;
    }

    /** Networks the caller's association owns or takes part in, a page at a time. */
    @Transactional(readOnly = true)
    public NetworkPage search(@Nullable String text, @Nullable NetworkStatus status, int page, int size) {
        Caller caller = callers.requireTenantUser();
        return networks.search(caller.tenantCode(), text, status, page, size);
    }

    @Transactional(readOnly = true)
    public NetworkResponse get(UUID id) {
        return access.visible(id, callers.requireTenantUser());
    }

    /**
     * Replaces a network's description.
     *
     * @throws ApiException.BadRequest when {@code version} is missing or a field is invalid
     * @throws ApiException.Conflict   when {@code version} is stale (with the current state)
     */
    @Transactional
    public NetworkResponse update(UUID id, NetworkCommand command) {
        Caller caller = callers.requireTenantUser();
        NetworkResponse current = access.managed(id, caller);
        if (command.version() == null) {
            throw new ApiException.BadRequest("Send back the version you last read.",
                    List.of(new Problem.FieldError("version", "must not be null")));
        }
        LocalizedText name = command.name().normalized();
        LocalizedText description = description(command);
        validate(command, name, description);
        NetworkResponse updated = networks.update(id, command.version(), command, name, description)
                .orElseThrow(() -> new ApiException.Conflict(
                        "The network was changed by someone else; here is its current state.", current));
        feed.append(id, caller.tenantCode(), caller.username(), FeedKind.NETWORK_UPDATED,
                Map.of("name", name.asMap(), "status", updated.status().name()));
        return updated;
    }

    /**
     * Makes a user of the owning association a coordinator.
     *
     * @throws ApiException.BadRequest when there is no such user, or the user is neither coordinator nor
     *                                 administrator of the association
     * @throws ApiException.Conflict   when the user already coordinates the network
     */
    @Transactional
    public CoordinatorResponse addCoordinator(UUID id, CoordinatorCommand command) {
        Caller caller = callers.requireTenantUser();
        NetworkResponse network = access.managed(id, caller);
        TenantUser user = accounts.findTenantUser(command.userId())
                .filter(found -> TenantUser.ACTIVE.equals(found.status()))
                .orElseThrow(() -> new ApiException.BadRequest("No active user with this id in the association.",
                        List.of(new Problem.FieldError("userId", "no such active user"))));
        if (!user.roleSet().contains(Roles.NETWORK_COORDINATOR) && !user.roleSet().contains(Roles.ASSOCIATION_ADMIN)) {
            throw new ApiException.BadRequest("Only network coordinators and administrators may coordinate.",
                    List.of(new Problem.FieldError("userId", "lacks the NETWORK_COORDINATOR role")));
        }
        if (!networks.addCoordinator(network.id(), network.owner(), user.id(), user.username(), user.displayName())) {
            throw new ApiException.Conflict("This user already coordinates the network.");
        }
        feed.append(id, caller.tenantCode(), caller.username(), FeedKind.COORDINATOR_ADDED,
                Map.of("username", user.username()));
        return new CoordinatorResponse(network.owner(), user.id(), user.username(), user.displayName());
    }

    @Transactional(readOnly = true)
    public List<CoordinatorResponse> coordinators(UUID id) {
        access.visible(id, callers.requireTenantUser());
        return networks.coordinators(id);
    }

    /** What happened in the network, newest first. */
    @Transactional(readOnly = true)
    public FeedPage feed(UUID id, int page, int size) {
        access.visible(id, callers.requireTenantUser());
        return feed.page(id, page, size);
    }

    private static LocalizedText description(NetworkCommand command) {
        return command.description() == null ? LocalizedText.empty() : command.description().normalized();
    }

    private static void validate(NetworkCommand command, LocalizedText name, LocalizedText description) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (name.isEmpty()) {
            errors.add(new Problem.FieldError("name", "must be given in at least one of lv, lt, en"));
        }
        if (name.longest() > NAME_LENGTH) {
            errors.add(new Problem.FieldError("name", "must be at most " + NAME_LENGTH + " characters"));
        }
        if (description.longest() > DESCRIPTION_LENGTH) {
            errors.add(new Problem.FieldError("description", "must be at most " + DESCRIPTION_LENGTH
                    + " characters"));
        }
        if (command.startsOn() != null && command.endsOn() != null && command.endsOn().isBefore(command.startsOn())) {
            errors.add(new Problem.FieldError("endsOn", "must not be before startsOn"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException.BadRequest("The network has invalid fields.", errors);
        }
    }
}
