package eu.koopera.networks;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A participating municipality's application to be a pilot, with why. */
@Serdeable
public record ApplicationCommand(@NotNull Long memberId, @NotBlank @Size(max = 4000) String motivation) {
}
