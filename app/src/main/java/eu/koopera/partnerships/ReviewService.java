package eu.koopera.partnerships;

import eu.koopera.audit.AuditAction;
import eu.koopera.audit.AuditMessage;
import eu.koopera.audit.TenantAuditLog;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.UUID;

/**
 * Reviews of agreements, which keep a partnership alive: the owner's administrators and network coordinators record
 * them with the date of the next one, of which the agreement's creator is reminded by e-mail
 * ({@link ReviewReminders}); everyone who reads the agreement reads its reviews.
 */
@Singleton
public class ReviewService {

    private final CallerContext callers;
    private final AgreementAccess access;
    private final ReviewQueries reviews;
    private final TenantAuditLog audit;

    public ReviewService(CallerContext callers, AgreementAccess access, ReviewQueries reviews, TenantAuditLog audit) {
        this.callers = callers;
        this.access = access;
        this.reviews = reviews;
        this.audit = audit;
    }

    /**
     * Records a review; its next review date becomes the agreement's.
     *
     * @throws ApiException.BadRequest when the next review is not after this one
     */
    @Transactional
    public ReviewResponse review(UUID agreementId, ReviewCommand command) {
        Caller caller = callers.requireTenantRole(Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR);
        AgreementResponse agreement = access.managed(agreementId, caller);
        if (command.nextReviewOn() != null && !command.nextReviewOn().isAfter(command.reviewedOn())) {
            throw new ApiException.BadRequest("The review has invalid fields.", List.of(Problem.FieldError.field(
                    "nextReviewOn", "review.nextNotAfter", "must be after reviewedOn"))).withCode("review.invalid");
        }
        String notes = command.notes() == null || command.notes().isBlank() ? null : command.notes().strip();
        ReviewResponse review = reviews.insert(agreementId, agreement.owner(), command, notes, caller.username());
        Object next = command.nextReviewOn() == null ? "-" : command.nextReviewOn();
        audit.record(AuditAction.CREATE, AgreementService.AUDIT_TYPE, agreementId,
                AuditMessage.named("agreement.reviewed", "Reviewed the agreement " + agreement.title().in(null),
                        agreement.title().in(null)).with("next", next), null, review);
        return review;
    }

    /** The agreement's reviews, latest first. */
    @Transactional(readOnly = true)
    public List<ReviewResponse> reviews(UUID agreementId) {
        access.visible(agreementId, callers.requireTenantUser());
        return reviews.list(agreementId);
    }
}
