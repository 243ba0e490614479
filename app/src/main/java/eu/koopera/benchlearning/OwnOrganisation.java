package eu.koopera.benchlearning;

import eu.koopera.members.MemberResponse;
import eu.koopera.people.PeopleService;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * Who may write for a member organisation: administrators and network coordinators for any, a municipal user for
 * the organisation their account is linked to.
 */
@Singleton
class OwnOrganisation {

    private final PeopleService people;

    OwnOrganisation(PeopleService people) {
        this.people = people;
    }

    static boolean isStaff(Caller caller) {
        return caller.hasRole(Roles.ASSOCIATION_ADMIN) || caller.hasRole(Roles.NETWORK_COORDINATOR);
    }

    /** The organisation the caller's account is linked to, if any. */
    @Nullable Long of() {
        MemberResponse member = people.me().member();
        return member == null ? null : member.id();
    }

    boolean mayWrite(Caller caller, long member) {
        if (isStaff(caller)) {
            return true;
        }
        Long own = of();
        return own != null && own == member;
    }

    /** @throws ApiException.Forbidden with {@code code} when the caller may not write for the organisation */
    void requireWrite(Caller caller, long member, String code) {
        if (!mayWrite(caller, member)) {
            throw new ApiException.Forbidden("You may write only for your own organisation.").withCode(code);
        }
    }
}
