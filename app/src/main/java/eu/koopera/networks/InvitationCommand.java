package eu.koopera.networks;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Invites another association, by its code, to take part in a network. */
@Serdeable
public record InvitationCommand(@NotBlank @Size(max = 31) String tenant) {
}
