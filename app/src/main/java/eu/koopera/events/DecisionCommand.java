package eu.koopera.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

/**
 * An organiser's decision on a registration.
 *
 * @param reason why; required when rejecting
 */
@Serdeable
public record DecisionCommand(@Nullable @Size(max = 2000) String reason) {
}
