package eu.koopera.benchlearning;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An improvement plan with each target's progress, computed from the values stored now. */
@Serdeable
public record Plan(long id, long member, String memberCode, String memberName, @Nullable UUID network,
                   String service, @Nullable String summary, PlanStatus status, List<Target> targets,
                   List<Action> actions, String createdBy, Instant updatedAt, long version) {

    /**
     * A target and how far the member has come.
     *
     * @param latestYear      the latest year after the baseline with a value, if any
     * @param latestValue     that value
     * @param progressPercent the share of the way from baseline to target covered by the latest value (negative
     *                        when it moved away; over 100 when it went beyond)
     * @param reached         whether the latest value is at or beyond the target in the indicator's direction
     * @param followUp        the values from the baseline year on, as they were imported
     */
    @Serdeable
    public record Target(String indicator, String gender, int baselineYear, BigDecimal baselineValue,
                         int targetYear, BigDecimal targetValue, @Nullable Integer latestYear,
                         @Nullable BigDecimal latestValue, @Nullable Double progressPercent, boolean reached,
                         List<YearValue> followUp) {
    }

    @Serdeable
    public record YearValue(int year, BigDecimal value) {
    }

    @Serdeable
    public record Action(int position, String description, @Nullable String owner, @Nullable LocalDate dueOn,
                         ActionStatus status) {
    }
}
