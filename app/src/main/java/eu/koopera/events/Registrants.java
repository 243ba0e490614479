package eu.koopera.events;

import eu.koopera.people.MeResponse;
import eu.koopera.people.PeopleService;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/** Who a registration belongs to: the registered person, acting for themselves, or their association's staff. */
@Singleton
class Registrants {

    private final PeopleService people;

    Registrants(PeopleService people) {
        this.people = people;
    }

    /** The person the caller's account is linked to, if any. */
    @Nullable Long ownPersonId() {
        MeResponse me = people.me();
        return me.person() == null ? null : me.person().id();
    }

    /** Whether the registration is the caller's own. */
    boolean isOwn(RegistrationQueries.Seat seat, Caller caller) {
        return caller.tenantCode().equals(seat.tenant()) && seat.personId() != null
                && seat.personId().equals(ownPersonId());
    }

    /**
     * Requires that the caller acts for the registrant: is the registrant, or on their association's staff.
     *
     * @throws ApiException.Forbidden otherwise, with code {@code registration.not-yours}
     */
    void requireActsFor(RegistrationQueries.Seat seat, Caller caller) {
        if (!caller.tenantCode().equals(seat.tenant()) || !(EventAccess.isStaff(caller) || isOwn(seat, caller))) {
            throw new ApiException.Forbidden("Only the registered person and their association's administrators "
                    + "and coordinators may do this.").withCode("registration.not-yours");
        }
    }
}
