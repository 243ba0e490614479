package eu.koopera.networks;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Accepts an invitation, naming the association's members that take part (possibly none yet). */
@Serdeable
public record AcceptInvitationCommand(@NotNull @Size(max = 500) List<@NotNull Long> memberIds) {
}
