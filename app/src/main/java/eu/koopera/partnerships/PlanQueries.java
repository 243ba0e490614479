package eu.koopera.partnerships;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static eu.koopera.jooq.shared.Tables.AGREEMENT;
import static eu.koopera.jooq.shared.Tables.AGREEMENT_PLAN_STEP;

/** The steps of community partnerships' plans and their evaluation results. */
@Singleton
class PlanQueries {

    private final DSLContext sql;

    PlanQueries(DSLContext sql) {
        this.sql = sql;
    }

    /** The plan with all five steps in order; a step never described is not started. */
    PlanResponse find(UUID agreementId) {
        Map<PlanStep, PlanCommand.Step> stored = sql.selectFrom(AGREEMENT_PLAN_STEP)
                .where(AGREEMENT_PLAN_STEP.AGREEMENT_ID.eq(agreementId))
                .fetch(row -> new PlanCommand.Step(PlanStep.valueOf(row.getStep()), row.getContent(),
                        row.getResponsible(), StepStatus.valueOf(row.getStatus()), row.getDueOn()))
                .stream().collect(Collectors.toMap(PlanCommand.Step::step, step -> step));
        List<PlanCommand.Step> steps = new ArrayList<>();
        for (PlanStep step : PlanStep.values()) {
            steps.add(stored.getOrDefault(step, new PlanCommand.Step(step, null, null, StepStatus.NOT_STARTED, null)));
        }
        String evaluation = sql.select(AGREEMENT.PLAN_EVALUATION).from(AGREEMENT).where(AGREEMENT.ID.eq(agreementId))
                .fetchOne(AGREEMENT.PLAN_EVALUATION);
        return new PlanResponse(agreementId, steps, evaluation);
    }

    /** Replaces the plan's steps and evaluation. */
    void replace(UUID agreementId, String owner, List<PlanCommand.Step> steps, @Nullable String evaluation,
                 String updatedBy) {
        sql.deleteFrom(AGREEMENT_PLAN_STEP).where(AGREEMENT_PLAN_STEP.AGREEMENT_ID.eq(agreementId)).execute();
        for (PlanCommand.Step step : steps) {
            sql.insertInto(AGREEMENT_PLAN_STEP)
                    .set(AGREEMENT_PLAN_STEP.AGREEMENT_ID, agreementId)
                    .set(AGREEMENT_PLAN_STEP.OWNER_TENANT, owner)
                    .set(AGREEMENT_PLAN_STEP.STEP, step.step().name())
                    .set(AGREEMENT_PLAN_STEP.CONTENT, step.content())
                    .set(AGREEMENT_PLAN_STEP.RESPONSIBLE, step.responsible())
                    .set(AGREEMENT_PLAN_STEP.STATUS, step.status().name())
                    .set(AGREEMENT_PLAN_STEP.DUE_ON, step.date())
                    .set(AGREEMENT_PLAN_STEP.UPDATED_BY, updatedBy)
                    .execute();
        }
        sql.update(AGREEMENT).set(AGREEMENT.PLAN_EVALUATION, evaluation)
                .set(AGREEMENT.UPDATED_AT, OffsetDateTime.now()).where(AGREEMENT.ID.eq(agreementId)).execute();
    }
}
