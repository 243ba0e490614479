package eu.koopera.partnerships;

import eu.koopera.audit.AuditAction;
import eu.koopera.audit.AuditMessage;
import eu.koopera.audit.TenantAuditLog;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The plan of a community partnership in five steps, each with its content, who is responsible, status and date,
 * and the evaluation results. The owner's administrators and network coordinators write it; everyone who reads the
 * agreement reads it. Other kinds of agreement have no plan.
 */
@Singleton
public class PlanService {

    private final CallerContext callers;
    private final AgreementAccess access;
    private final PlanQueries plans;
    private final TenantAuditLog audit;

    public PlanService(CallerContext callers, AgreementAccess access, PlanQueries plans, TenantAuditLog audit) {
        this.callers = callers;
        this.access = access;
        this.plans = plans;
        this.audit = audit;
    }

    /** The plan, all five steps in order. */
    @Transactional(readOnly = true)
    public PlanResponse plan(UUID agreementId) {
        AgreementResponse agreement = access.visible(agreementId, callers.requireTenantUser());
        requireCommunityPartnership(agreement);
        return plans.find(agreementId);
    }

    /**
     * Replaces the plan.
     *
     * @throws ApiException.BadRequest when a step is given twice
     * @throws ApiException.Conflict   when the agreement is not a community partnership
     */
    @Transactional
    public PlanResponse replace(UUID agreementId, PlanCommand command) {
        Caller caller = callers.requireTenantRole(Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR);
        AgreementResponse agreement = access.managed(agreementId, caller);
        requireCommunityPartnership(agreement);
        Set<PlanStep> seen = EnumSet.noneOf(PlanStep.class);
        List<PlanCommand.Step> steps = new ArrayList<>();
        for (int i = 0; i < command.steps().size(); i++) {
            PlanCommand.Step step = command.steps().get(i);
            if (!seen.add(step.step())) {
                throw new ApiException.BadRequest("The plan has invalid steps.", List.of(Problem.FieldError.field(
                        "steps[" + i + "]", "plan.stepTwice", "step " + step.step() + " is given twice", i)))
                        .withCode("plan.invalid");
            }
            steps.add(new PlanCommand.Step(step.step(), clean(step.content()), clean(step.responsible()),
                    step.status(), step.date()));
        }
        PlanResponse before = plans.find(agreementId);
        plans.replace(agreementId, agreement.owner(), steps, clean(command.evaluation()), caller.username());
        PlanResponse after = plans.find(agreementId);
        audit.record(AuditAction.UPDATE, AgreementService.AUDIT_TYPE, agreementId,
                AuditMessage.named("agreement.plan_updated", "Changed the plan of " + agreement.title().in(null),
                        agreement.title().in(null)), before, after);
        return after;
    }

    private static void requireCommunityPartnership(AgreementResponse agreement) {
        if (agreement.type() != AgreementType.COMMUNITY_PARTNERSHIP) {
            throw new ApiException.Conflict("Only community partnerships have a plan.")
                    .withCode("plan.notCommunityPartnership");
        }
    }

    private static @Nullable String clean(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
