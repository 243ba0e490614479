package eu.koopera.benchlearning;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An improvement plan with each target's progress, computed from the values stored now.
 *
 * @param progressPercent the plan's overall progress: the mean of its targets' shares of the way, each held between
 *                        0 and 100 % (a target without a value since its baseline counts as 0); none while no target
 *                        has a value after its baseline, or when the plan has no targets
 */
@Serdeable
public record Plan(long id, long member, String memberCode, String memberName, @Nullable UUID network,
                   String service, @Nullable String summary, PlanStatus status, List<Target> targets,
                   List<Action> actions, @Nullable Double progressPercent, String createdBy, Instant updatedAt,
                   long version) {

    /** The overall progress of these targets, as {@link #progressPercent()} describes it. */
    static @Nullable Double overallProgress(List<Target> targets) {
        if (targets.stream().allMatch(target -> target.progressPercent() == null)) {
            return null;
        }
        return targets.stream().mapToDouble(target -> target.progressPercent() == null ? 0
                : Math.clamp(target.progressPercent(), 0, 100)).average().orElseThrow();
    }

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
