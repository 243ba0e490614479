package eu.koopera.partnerships;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * A review of an agreement.
 *
 * @param reviewedOn   when it was reviewed
 * @param notes        what the review found
 * @param nextReviewOn when to review it next, after {@code reviewedOn}; none when absent
 */
@Serdeable
public record ReviewCommand(@NotNull LocalDate reviewedOn, @Nullable @Size(max = 4000) String notes,
                            @Nullable LocalDate nextReviewOn) {
}
