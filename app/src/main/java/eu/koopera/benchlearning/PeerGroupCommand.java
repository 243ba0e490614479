package eu.koopera.benchlearning;

import eu.koopera.members.MemberKind;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/**
 * A peer group: hand-picked {@code members}, the association's members taking part in a {@code network}, or criteria
 * that all apply (kinds, a population band, a region).
 *
 * @param name          how the group is called, unique in the association
 * @param members       the hand-picked members' ids; when given, no criteria may be
 * @param kinds         member kinds, any of which qualifies
 * @param populationMin smallest population that qualifies
 * @param populationMax largest population that qualifies
 * @param region        the region members must be in
 * @param network       a network the association takes part in
 */
@Serdeable
public record PeerGroupCommand(
        @NotBlank @Size(max = 200) String name,
        @Nullable @Size(max = 1000) List<Long> members,
        @Nullable @Size(max = 10) List<MemberKind> kinds,
        @Nullable @Min(0) @Max(100_000_000) Integer populationMin,
        @Nullable @Min(0) @Max(100_000_000) Integer populationMax,
        @Nullable @Size(max = 100) String region,
        @Nullable UUID network) {
}
