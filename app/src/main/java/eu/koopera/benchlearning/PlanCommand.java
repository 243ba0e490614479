package eu.koopera.benchlearning;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An improvement plan, for creating or replacing one (targets and actions are replaced as a whole).
 *
 * @param member  the member organisation whose plan it is
 * @param network the network it is written in, if any
 * @param service the service the member chose to improve
 * @param summary what the plan is about
 * @param status  where it stands (DRAFT when absent)
 * @param targets the indicators to move, at most 20
 * @param actions what will be done, in order, at most 100
 * @param version on replacement: the version the client last read
 */
@Serdeable
public record PlanCommand(
        @NotNull Long member,
        @Nullable UUID network,
        @NotBlank @Size(max = 200) String service,
        @Nullable @Size(max = 4000) String summary,
        @Nullable PlanStatus status,
        @Nullable @Size(max = 20) List<@Valid @NotNull Target> targets,
        @Nullable @Size(max = 100) List<@Valid @NotNull Action> actions,
        @Nullable Long version) {

    /**
     * An indicator to move from its baseline to a target value by a year.
     *
     * @param baselineValue the value in the baseline year; taken from the stored values when absent
     */
    @Serdeable
    public record Target(
            @NotNull @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$") String indicator,
            @Nullable @Pattern(regexp = "^[TFM]$") String gender,
            @NotNull @Min(1990) @Max(2100) Integer baselineYear,
            @Nullable BigDecimal baselineValue,
            @NotNull @Min(1990) @Max(2100) Integer targetYear,
            @NotNull BigDecimal targetValue) {
    }

    /** Something to be done, by whom and when. */
    @Serdeable
    public record Action(
            @NotBlank @Size(max = 1000) String description,
            @Nullable @Size(max = 200) String owner,
            @Nullable LocalDate dueOn,
            @Nullable ActionStatus status) {
    }
}
