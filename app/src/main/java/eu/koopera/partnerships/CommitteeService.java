package eu.koopera.partnerships;

import eu.koopera.audit.AuditAction;
import eu.koopera.audit.AuditMessage;
import eu.koopera.audit.TenantAuditLog;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.UUID;

/**
 * The twinning committee of a twinning, bringing officials and residents together. The owner's administrators and
 * network coordinators keep it; everyone who reads the agreement reads it. Other kinds of agreement have none.
 */
@Singleton
public class CommitteeService {

    private final CallerContext callers;
    private final AgreementAccess access;
    private final CommitteeQueries committee;
    private final TenantAuditLog audit;

    public CommitteeService(CallerContext callers, AgreementAccess access, CommitteeQueries committee,
                            TenantAuditLog audit) {
        this.callers = callers;
        this.access = access;
        this.committee = committee;
        this.audit = audit;
    }

    /** The committee, by municipality and name. */
    @Transactional(readOnly = true)
    public List<CommitteeMemberResponse> members(UUID agreementId) {
        requireTwinning(access.visible(agreementId, callers.requireTenantUser()));
        return committee.list(agreementId);
    }

    /**
     * Adds a member to the committee.
     *
     * @throws ApiException.Conflict when the agreement is not a twinning
     */
    @Transactional
    public CommitteeMemberResponse add(UUID agreementId, CommitteeMemberCommand command) {
        Caller caller = callers.requireTenantRole(Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR);
        AgreementResponse agreement = requireTwinning(access.managed(agreementId, caller));
        CommitteeMemberResponse added = committee.add(agreementId, agreement.owner(), command.name().strip(),
                clean(command.role()), clean(command.municipality()), command.kind(), caller.username());
        audit.record(AuditAction.CREATE, AgreementService.AUDIT_TYPE, agreementId,
                AuditMessage.named("agreement.committee_member_added", "Added " + added.name() + " to the committee",
                        agreement.title().in(null)).with("member", added.name()), null, added);
        return added;
    }

    /**
     * Removes a member from the committee.
     *
     * @throws ApiException.NotFound when the committee has no such member
     */
    @Transactional
    public void remove(UUID agreementId, UUID memberId) {
        Caller caller = callers.requireTenantRole(Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR);
        AgreementResponse agreement = requireTwinning(access.managed(agreementId, caller));
        CommitteeMemberResponse removed = committee.remove(agreementId, memberId)
                .orElseThrow(() -> new ApiException.NotFound("The committee has no member with this id.")
                        .withCode("committee.memberNotFound"));
        audit.record(AuditAction.DELETE, AgreementService.AUDIT_TYPE, agreementId,
                AuditMessage.named("agreement.committee_member_removed", "Removed " + removed.name()
                        + " from the committee", agreement.title().in(null)).with("member", removed.name()),
                removed, null);
    }

    private static AgreementResponse requireTwinning(AgreementResponse agreement) {
        if (agreement.type() != AgreementType.TWINNING) {
            throw new ApiException.Conflict("Only a twinning has a twinning committee.")
                    .withCode("committee.notTwinning");
        }
        return agreement;
    }

    private static @Nullable String clean(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
