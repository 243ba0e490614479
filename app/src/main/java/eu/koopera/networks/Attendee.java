package eu.koopera.networks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Someone recorded as present at a meeting: a participating municipality, or a named person of a participating
 * association.
 *
 * @param tenant   the code of the association they came from; it must take part in the network
 * @param memberId the participating municipality they represent, if any
 * @param name     who attended; taken from the municipality when absent and {@code memberId} is given
 */
@Serdeable
public record Attendee(@NotBlank @Size(max = 31) String tenant, @Nullable Long memberId,
                       @Nullable @Size(max = 200) String name) {
}
