package eu.koopera.benchlearning.ui;

import eu.koopera.benchlearning.ActionStatus;
import eu.koopera.benchlearning.PlanStatus;
import eu.koopera.members.MemberResponse;
import eu.koopera.networks.NetworkResponse;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the plan editor's binders edit: the plan's own fields, and one bean per target and action row. Mutable
 * because a {@code Binder} writes into them; the editor turns them into a {@code PlanCommand} when saving.
 */
final class PlanForm {

    @Nullable MemberResponse member;
    @Nullable NetworkResponse network;
    @Nullable String service;
    @Nullable String summary;
    PlanStatus status = PlanStatus.DRAFT;

    /** An indicator row: baseline, target value and year. */
    static final class Target {
        @Nullable String indicator;
        @Nullable Integer baselineYear;
        @Nullable BigDecimal baselineValue;
        @Nullable BigDecimal targetValue;
        @Nullable Integer targetYear;
    }

    /** An action row. */
    static final class Action {
        @Nullable String description;
        @Nullable String owner;
        @Nullable LocalDate dueOn;
        ActionStatus status = ActionStatus.PLANNED;
    }
}
