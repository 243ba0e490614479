package eu.koopera.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A participant's feedback on an event.
 *
 * @param rating  1 (poor) to 5 (excellent)
 * @param comment free text, kept without the participant's name
 */
@Serdeable
public record FeedbackCommand(@NotNull @Min(1) @Max(5) Integer rating, @Nullable @Size(max = 5000) String comment) {
}
