package eu.koopera.people;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.util.Set;

/**
 * Invites a person to become a user of the association.
 *
 * @param roles the tenant roles the new account gets, such as {@code MEMBER}
 */
@Serdeable
public record InvitationCommand(@NotEmpty @Size(max = 3) Set<@NotBlank @Size(max = 32) String> roles) {
}
