package eu.koopera.networks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * A pilot activity, for creating or replacing one (milestones included, in order).
 *
 * @param goal              what the activity is to achieve
 * @param responsibleTenant the association of the responsible municipality
 * @param responsibleMember the responsible municipality, which must take part in the network
 * @param plan              how it is to be done
 * @param resultSummary     what came of it
 * @param milestones        its milestones, in order
 * @param version           on replacement: the version the client last read; required, a stale one is refused
 */
@Serdeable
public record ActivityCommand(
        @NotBlank @Size(max = 4_000) String goal,
        @NotBlank @Size(max = 31) String responsibleTenant,
        @NotNull Long responsibleMember,
        @Nullable @Size(max = 20_000) String plan,
        @Nullable @Size(max = 20_000) String resultSummary,
        @Nullable @Size(max = 100) List<@NotNull @Valid Milestone> milestones,
        @Nullable Long version) {

    /**
     * One step of the activity.
     *
     * @param title  what is to be done
     * @param dueOn  by when
     * @param status where it stands (PLANNED when absent)
     */
    @Serdeable
    public record Milestone(@NotBlank @Size(max = 300) String title, @NotNull LocalDate dueOn,
                            @Nullable MilestoneStatus status) {
    }
}
