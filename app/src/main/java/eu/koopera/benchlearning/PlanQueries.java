package eu.koopera.benchlearning;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static eu.koopera.jooq.tenant.Tables.IMPROVEMENT_PLAN;
import static eu.koopera.jooq.tenant.Tables.IMPROVEMENT_PLAN_ACTION;
import static eu.koopera.jooq.tenant.Tables.IMPROVEMENT_PLAN_TARGET;
import static eu.koopera.jooq.tenant.Tables.INDICATOR;
import static eu.koopera.jooq.tenant.Tables.INDICATOR_VALUE;
import static eu.koopera.jooq.tenant.Tables.MEMBER;

/** Improvement plans of the current association, read with their targets' follow-up values. */
@Singleton
class PlanQueries {

    private final DSLContext sql;

    PlanQueries(DSLContext sql) {
        this.sql = sql;
    }

    long insert(PlanCommand command, String createdBy) {
        return sql.insertInto(IMPROVEMENT_PLAN)
                .set(IMPROVEMENT_PLAN.MEMBER_ID, command.member())
                .set(IMPROVEMENT_PLAN.NETWORK_ID, command.network())
                .set(IMPROVEMENT_PLAN.SERVICE, command.service())
                .set(IMPROVEMENT_PLAN.SUMMARY, command.summary())
                .set(IMPROVEMENT_PLAN.STATUS, status(command).name())
                .set(IMPROVEMENT_PLAN.CREATED_BY, createdBy)
                .returningResult(IMPROVEMENT_PLAN.ID).fetchSingle().value1();
    }

    /** Replaces the plan's fields if {@code version} is current; false when it is not. */
    boolean update(long id, long version, PlanCommand command) {
        return sql.update(IMPROVEMENT_PLAN)
                .set(IMPROVEMENT_PLAN.NETWORK_ID, command.network())
                .set(IMPROVEMENT_PLAN.SERVICE, command.service())
                .set(IMPROVEMENT_PLAN.SUMMARY, command.summary())
                .set(IMPROVEMENT_PLAN.STATUS, status(command).name())
                .set(IMPROVEMENT_PLAN.VERSION, IMPROVEMENT_PLAN.VERSION.plus(1))
                .set(IMPROVEMENT_PLAN.UPDATED_AT, OffsetDateTime.now())
                .where(IMPROVEMENT_PLAN.ID.eq(id), IMPROVEMENT_PLAN.VERSION.eq(version))
                .execute() == 1;
    }

    /** Replaces targets and actions; baselines are already resolved. */
    void replaceParts(long id, List<PlanCommand.Target> targets, List<PlanCommand.Action> actions) {
        sql.deleteFrom(IMPROVEMENT_PLAN_TARGET).where(IMPROVEMENT_PLAN_TARGET.PLAN_ID.eq(id)).execute();
        sql.deleteFrom(IMPROVEMENT_PLAN_ACTION).where(IMPROVEMENT_PLAN_ACTION.PLAN_ID.eq(id)).execute();
        for (PlanCommand.Target target : targets) {
            sql.insertInto(IMPROVEMENT_PLAN_TARGET)
                    .set(IMPROVEMENT_PLAN_TARGET.PLAN_ID, id)
                    .set(IMPROVEMENT_PLAN_TARGET.INDICATOR_CODE, target.indicator())
                    .set(IMPROVEMENT_PLAN_TARGET.GENDER, target.gender() == null ? "T" : target.gender())
                    .set(IMPROVEMENT_PLAN_TARGET.BASELINE_YEAR, target.baselineYear().shortValue())
                    .set(IMPROVEMENT_PLAN_TARGET.BASELINE_VALUE, target.baselineValue())
                    .set(IMPROVEMENT_PLAN_TARGET.TARGET_YEAR, target.targetYear().shortValue())
                    .set(IMPROVEMENT_PLAN_TARGET.TARGET_VALUE, target.targetValue())
                    .execute();
        }
        short position = 1;
        for (PlanCommand.Action action : actions) {
            sql.insertInto(IMPROVEMENT_PLAN_ACTION)
                    .set(IMPROVEMENT_PLAN_ACTION.PLAN_ID, id)
                    .set(IMPROVEMENT_PLAN_ACTION.POSITION, position++)
                    .set(IMPROVEMENT_PLAN_ACTION.DESCRIPTION, action.description())
                    .set(IMPROVEMENT_PLAN_ACTION.OWNER, action.owner())
                    .set(IMPROVEMENT_PLAN_ACTION.DUE_ON, action.dueOn())
                    .set(IMPROVEMENT_PLAN_ACTION.STATUS,
                            (action.status() == null ? ActionStatus.PLANNED : action.status()).name())
                    .execute();
        }
    }

    /** The stored value of an indicator for a member in a year, if any. */
    Optional<BigDecimal> value(String indicator, long member, int year, String gender) {
        return sql.select(INDICATOR_VALUE.VALUE).from(INDICATOR_VALUE)
                .where(INDICATOR_VALUE.INDICATOR_CODE.eq(indicator), INDICATOR_VALUE.MEMBER_ID.eq(member),
                        INDICATOR_VALUE.YEAR.eq((short) year), INDICATOR_VALUE.GENDER.eq(gender))
                .fetchOptional(INDICATOR_VALUE.VALUE);
    }

    /** Locks the plan until the transaction ends; its member's id, empty when there is no such plan. */
    Optional<Long> lock(long id) {
        return sql.select(IMPROVEMENT_PLAN.MEMBER_ID).from(IMPROVEMENT_PLAN).where(IMPROVEMENT_PLAN.ID.eq(id))
                .forUpdate().fetchOptional(IMPROVEMENT_PLAN.MEMBER_ID);
    }

    Optional<Plan> find(long id) {
        List<Plan> plans = read(IMPROVEMENT_PLAN.ID.eq(id));
        return plans.isEmpty() ? Optional.empty() : Optional.of(plans.getFirst());
    }

    /** Plans, of one member or of all, newest change first. */
    List<Plan> list(@Nullable Long member) {
        return read(member == null ? DSL.noCondition() : IMPROVEMENT_PLAN.MEMBER_ID.eq(member));
    }

    /** The plans matching {@code where}, with targets, follow-up values and actions, in three round trips. */
    private List<Plan> read(Condition where) {
        var plans = sql.select(IMPROVEMENT_PLAN.asterisk(), MEMBER.CODE, MEMBER.NAME)
                .from(IMPROVEMENT_PLAN).join(MEMBER).on(MEMBER.ID.eq(IMPROVEMENT_PLAN.MEMBER_ID))
                .where(where).orderBy(IMPROVEMENT_PLAN.UPDATED_AT.desc(), IMPROVEMENT_PLAN.ID.desc()).fetch();
        if (plans.isEmpty()) {
            return List.of();
        }
        List<Long> ids = plans.map(row -> row.get(IMPROVEMENT_PLAN.ID));
        Map<Long, List<Plan.Target>> targets = targets(ids);
        Map<Long, List<Plan.Action>> actions = new HashMap<>();
        sql.selectFrom(IMPROVEMENT_PLAN_ACTION).where(IMPROVEMENT_PLAN_ACTION.PLAN_ID.in(ids))
                .orderBy(IMPROVEMENT_PLAN_ACTION.PLAN_ID, IMPROVEMENT_PLAN_ACTION.POSITION)
                .forEach(row -> actions.computeIfAbsent(row.getPlanId(), key -> new ArrayList<>())
                        .add(new Plan.Action(row.getPosition(), row.getDescription(), row.getOwner(),
                                row.getDueOn(), ActionStatus.valueOf(row.getStatus()))));
        return plans.map(row -> {
            long id = row.get(IMPROVEMENT_PLAN.ID);
            List<Plan.Target> planTargets = targets.getOrDefault(id, List.of());
            return new Plan(id, row.get(IMPROVEMENT_PLAN.MEMBER_ID), row.get(MEMBER.CODE), row.get(MEMBER.NAME),
                    row.get(IMPROVEMENT_PLAN.NETWORK_ID), row.get(IMPROVEMENT_PLAN.SERVICE),
                    row.get(IMPROVEMENT_PLAN.SUMMARY), PlanStatus.valueOf(row.get(IMPROVEMENT_PLAN.STATUS)),
                    planTargets, actions.getOrDefault(id, List.of()), Plan.overallProgress(planTargets),
                    row.get(IMPROVEMENT_PLAN.CREATED_BY), row.get(IMPROVEMENT_PLAN.UPDATED_AT).toInstant(),
                    row.get(IMPROVEMENT_PLAN.VERSION));
        });
    }

    /** Targets with their values from the baseline year on (one query), and the progress those give. */
    private Map<Long, List<Plan.Target>> targets(Collection<Long> plans) {
        var rows = sql.select(IMPROVEMENT_PLAN_TARGET.asterisk(), INDICATOR.DIRECTION, INDICATOR_VALUE.YEAR,
                        INDICATOR_VALUE.VALUE)
                .from(IMPROVEMENT_PLAN_TARGET)
                .join(IMPROVEMENT_PLAN).on(IMPROVEMENT_PLAN.ID.eq(IMPROVEMENT_PLAN_TARGET.PLAN_ID))
                .join(INDICATOR).on(INDICATOR.CODE.eq(IMPROVEMENT_PLAN_TARGET.INDICATOR_CODE))
                .leftJoin(INDICATOR_VALUE).on(INDICATOR_VALUE.INDICATOR_CODE.eq(IMPROVEMENT_PLAN_TARGET.INDICATOR_CODE),
                        INDICATOR_VALUE.MEMBER_ID.eq(IMPROVEMENT_PLAN.MEMBER_ID),
                        INDICATOR_VALUE.GENDER.eq(IMPROVEMENT_PLAN_TARGET.GENDER),
                        INDICATOR_VALUE.YEAR.ge(IMPROVEMENT_PLAN_TARGET.BASELINE_YEAR))
                .where(IMPROVEMENT_PLAN_TARGET.PLAN_ID.in(plans))
                .orderBy(IMPROVEMENT_PLAN_TARGET.PLAN_ID, IMPROVEMENT_PLAN_TARGET.INDICATOR_CODE,
                        IMPROVEMENT_PLAN_TARGET.GENDER, INDICATOR_VALUE.YEAR)
                .fetch();
        Map<Long, List<Plan.Target>> byPlan = new HashMap<>();
        Map<String, List<Plan.YearValue>> followUps = new HashMap<>();
        Map<String, org.jooq.Record> firstRow = new java.util.LinkedHashMap<>();
        for (var row : rows) {
            String key = row.get(IMPROVEMENT_PLAN_TARGET.PLAN_ID) + "|" + row.get(IMPROVEMENT_PLAN_TARGET.INDICATOR_CODE)
                    + "|" + row.get(IMPROVEMENT_PLAN_TARGET.GENDER);
            firstRow.putIfAbsent(key, row);
            List<Plan.YearValue> values = followUps.computeIfAbsent(key, k -> new ArrayList<>());
            if (row.get(INDICATOR_VALUE.YEAR) != null) {
                values.add(new Plan.YearValue(row.get(INDICATOR_VALUE.YEAR), row.get(INDICATOR_VALUE.VALUE)));
            }
        }
        for (Map.Entry<String, org.jooq.Record> entry : firstRow.entrySet()) {
            org.jooq.Record row = entry.getValue();
            List<Plan.YearValue> values = followUps.get(entry.getKey());
            int baselineYear = row.get(IMPROVEMENT_PLAN_TARGET.BASELINE_YEAR);
            BigDecimal baseline = row.get(IMPROVEMENT_PLAN_TARGET.BASELINE_VALUE);
            BigDecimal target = row.get(IMPROVEMENT_PLAN_TARGET.TARGET_VALUE);
            Plan.YearValue latest = values.stream().filter(value -> value.year() > baselineYear)
                    .reduce((first, second) -> second).orElse(null);
            Double progress = null;
            boolean reached = false;
            if (latest != null) {
                BigDecimal way = target.subtract(baseline);
                if (way.signum() != 0) {
                    progress = latest.value().subtract(baseline).divide(way, MathContext.DECIMAL64).doubleValue() * 100;
                }
                Direction direction = Direction.valueOf(row.get(INDICATOR.DIRECTION));
                int towards = direction == Direction.LOWER_IS_BETTER ? -1
                        : direction == Direction.HIGHER_IS_BETTER ? 1 : target.compareTo(baseline);
                reached = towards >= 0 ? latest.value().compareTo(target) >= 0 : latest.value().compareTo(target) <= 0;
            }
            byPlan.computeIfAbsent(row.get(IMPROVEMENT_PLAN_TARGET.PLAN_ID), key -> new ArrayList<>())
                    .add(new Plan.Target(row.get(IMPROVEMENT_PLAN_TARGET.INDICATOR_CODE),
                            row.get(IMPROVEMENT_PLAN_TARGET.GENDER), baselineYear, baseline,
                            row.get(IMPROVEMENT_PLAN_TARGET.TARGET_YEAR), target,
                            latest == null ? null : latest.year(), latest == null ? null : latest.value(), progress,
                            reached, List.copyOf(values)));
        }
        return byPlan;
    }

    private static PlanStatus status(PlanCommand command) {
        return command.status() == null ? PlanStatus.DRAFT : command.status();
    }
}
