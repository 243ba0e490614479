package eu.koopera.people;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Accepts an invitation by choosing credentials.
 *
 * @param username unique within the association
 * @param password at least 12 characters
 */
@Serdeable
public record AcceptInvitationCommand(@NotBlank @Size(max = 64) String username,
                                      @NotBlank @Size(max = 256) String password) {
}
