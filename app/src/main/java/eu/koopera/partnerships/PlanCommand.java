package eu.koopera.partnerships;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * A community partnership's plan, replacing the one stored: the steps given (each at most once; those left out are
 * not started) and the evaluation results.
 *
 * @param steps      the steps described so far
 * @param evaluation the results of monitoring and evaluation, and how they were communicated
 */
@Serdeable
public record PlanCommand(@NotNull @Size(max = 5) List<@NotNull @Valid Step> steps,
                          @Nullable @Size(max = 8000) String evaluation) {

    /**
     * One step.
     *
     * @param step        which of the five
     * @param content     what was agreed in it
     * @param responsible who is responsible for it
     * @param status      where it stands
     * @param date        when it is due, or was done
     */
    @Serdeable
    public record Step(@NotNull PlanStep step, @Nullable @Size(max = 8000) String content,
                       @Nullable @Size(max = 200) String responsible, @NotNull StepStatus status,
                       @Nullable LocalDate date) {
    }
}
