package eu.koopera.partnerships;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/** A member of a twinning committee, as stored. */
@Serdeable
public record CommitteeMemberResponse(UUID id, String name, @Nullable String role, @Nullable String municipality,
                                      CommitteeRole kind) {
}
