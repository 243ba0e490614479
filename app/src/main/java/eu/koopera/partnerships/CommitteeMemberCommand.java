package eu.koopera.partnerships;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A member of a twinning committee.
 *
 * @param name         their name
 * @param role         their role on the committee, such as chair
 * @param municipality the municipality they come from
 * @param kind         resident or official
 */
@Serdeable
public record CommitteeMemberCommand(@NotBlank @Size(max = 200) String name, @Nullable @Size(max = 200) String role,
                                     @Nullable @Size(max = 200) String municipality, @NotNull CommitteeRole kind) {
}
