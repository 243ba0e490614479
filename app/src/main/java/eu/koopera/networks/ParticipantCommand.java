package eu.koopera.networks;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;

/** Names one of the caller's association's members, to add to a network or remove from it. */
@Serdeable
public record ParticipantCommand(@NotNull Long memberId) {
}
