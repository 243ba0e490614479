package eu.koopera.events;

import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.web.ApiException;
import jakarta.inject.Singleton;

import java.util.UUID;

/**
 * Who may see and run an event. An event the caller's association does not organise does not exist for them (404,
 * so ids leak nothing); neither does a draft for users who are not its organisers' staff. The owner's staff
 * manage the event; each organiser's staff register their own association's people and decide on them, the
 * owner's staff on everyone's.
 */
@Singleton
class EventAccess {

    private final EventQueries events;

    EventAccess(EventQueries events) {
        this.events = events;
    }

    /** Administrators and network coordinators: the people who run events for their association. */
    static boolean isStaff(Caller caller) {
        return caller.hasRole(Roles.ASSOCIATION_ADMIN) || caller.hasRole(Roles.NETWORK_COORDINATOR);
    }

    /** The event, if the caller's association organises it and the caller may see it. */
    EventResponse visible(UUID id, Caller caller) {
        EventResponse event = events.find(id, caller.tenantCode()).orElseThrow(EventAccess::notFound);
        if (event.status() == EventStatus.DRAFT && !isStaff(caller)) {
            throw notFound();
        }
        return event;
    }

    /** The event, locked for the rest of the transaction, if the caller may see it; as it is once locked. */
    EventResponse locked(UUID id, Caller caller) {
        EventResponse event = locked(id, caller.tenantCode());
        if (event.status() == EventStatus.DRAFT && !isStaff(caller)) {
            throw notFound();
        }
        return event;
    }

    /** The event, locked for the rest of the transaction, for work that runs with no caller. */
    EventResponse locked(UUID id, String tenant) {
        if (!events.lock(id, tenant)) {
            throw notFound();
        }
        return events.find(id, tenant).orElseThrow(EventAccess::notFound);
    }

    /**
     * The event, locked for the rest of the transaction, if the caller manages it.
     *
     * @throws ApiException.NotFound  when the caller's association does not organise it
     * @throws ApiException.Forbidden when the caller is not on the owning association's staff
     */
    EventResponse managed(UUID id, Caller caller) {
        EventResponse event = visible(id, caller);
        if (!event.ownedBy(caller.tenantCode()) || !isStaff(caller)) {
            throw new ApiException.Forbidden("Only the owning association's administrators and coordinators "
                    + "manage the event.").withCode("event.not-manager");
        }
        return locked(id, caller.tenantCode());
    }

    /** Whether the caller may decide on a registration of {@code tenant}: staff of the owner or of that tenant. */
    static boolean decides(EventResponse event, String tenant, Caller caller) {
        return isStaff(caller) && (event.ownedBy(caller.tenantCode()) || tenant.equals(caller.tenantCode()));
    }

    static ApiException notFound() {
        return new ApiException.NotFound("No event with this id.");
    }
}
