package eu.koopera.partnerships;

import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.web.ApiException;
import jakarta.inject.Singleton;

import java.util.UUID;

/**
 * Who may see and change an agreement. An agreement the caller's association neither owns nor is named in does not
 * exist for them (404, so ids leak nothing); it is changed by its owner's administrators and network coordinators.
 */
@Singleton
class AgreementAccess {

    private final AgreementQueries agreements;

    AgreementAccess(AgreementQueries agreements) {
        this.agreements = agreements;
    }

    /** The agreement, if the caller's association owns it or is named in it. */
    AgreementResponse visible(UUID id, Caller caller) {
        return agreements.find(id)
                .filter(agreement -> agreement.ownedBy(caller.tenantCode()) || agreement.confirmations().stream()
                        .anyMatch(decision -> decision.tenant().equals(caller.tenantCode())))
                .orElseThrow(AgreementAccess::notFound);
    }

    /**
     * The agreement, locked for the rest of the transaction, if the caller may change it.
     *
     * @throws ApiException.NotFound  when the caller's association may not see it
     * @throws ApiException.Forbidden when it is another association's agreement, or the caller lacks the role
     */
    AgreementResponse managed(UUID id, Caller caller) {
        AgreementResponse agreement = visible(id, caller);
        if (!agreement.ownedBy(caller.tenantCode())
                || !(caller.hasRole(Roles.ASSOCIATION_ADMIN) || caller.hasRole(Roles.NETWORK_COORDINATOR))) {
            throw new ApiException.Forbidden("Only the owning association's administrators and network coordinators "
                    + "change an agreement.").withCode("agreement.notOwner");
        }
        return agreements.lockOwned(id, caller.tenantCode()).orElseThrow(AgreementAccess::notFound);
    }

    static ApiException notFound() {
        return new ApiException.NotFound("No agreement with this id.").withCode("agreement.notFound");
    }
}
