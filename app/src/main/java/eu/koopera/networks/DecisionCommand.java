package eu.koopera.networks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

/** A coordinator's decision on an application; a rejection needs a reason. */
@Serdeable
public record DecisionCommand(@Nullable @Size(max = 4000) String reason) {
}
