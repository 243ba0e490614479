package eu.koopera.networks;

import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.web.ApiException;
import jakarta.inject.Singleton;

import java.util.UUID;

/**
 * Who may see and manage a network. A network the caller's association does not take part in does not exist for
 * them (404, so ids leak nothing); it is managed by its owner's administrators and its coordinators.
 */
@Singleton
class NetworkAccess {

    private final NetworkQueries networks;

    NetworkAccess(NetworkQueries networks) {
        this.networks = networks;
    }

    /** The network, if the caller's association takes part in it. */
    NetworkResponse visible(UUID id, Caller caller) {
        return networks.find(id, caller.tenantCode()).orElseThrow(NetworkAccess::notFound);
    }

    /**
     * The network, locked for the rest of the transaction, if the caller manages it.
     *
     * @throws ApiException.NotFound  when the caller's association does not take part
     * @throws ApiException.Forbidden when it takes part but the caller does not manage the network
     */
    NetworkResponse managed(UUID id, Caller caller) {
        NetworkResponse network = visible(id, caller);
        if (!network.ownedBy(caller.tenantCode()) || !(caller.hasRole(Roles.ASSOCIATION_ADMIN)
                || networks.isCoordinator(id, caller.username()))) {
            throw new ApiException.Forbidden("Only the owning association's administrators and the network's "
                    + "coordinators manage it.");
        }
        return networks.lockOwned(id, caller.tenantCode()).orElseThrow(NetworkAccess::notFound);
    }

    /** Whether the caller may choose their association's municipalities in the network. */
    boolean managesOwnMembers(NetworkResponse network, Caller caller) {
        return caller.hasRole(Roles.ASSOCIATION_ADMIN)
                || network.ownedBy(caller.tenantCode()) && networks.isCoordinator(network.id(), caller.username());
    }

    static ApiException notFound() {
        return new ApiException.NotFound("No network with this id.");
    }
}
