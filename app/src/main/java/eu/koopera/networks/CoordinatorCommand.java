package eu.koopera.networks;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;

/** Makes a user of the owning association a coordinator of a network. */
@Serdeable
public record CoordinatorCommand(@NotNull Long userId) {
}
