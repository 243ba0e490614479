package eu.koopera.networks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** A pilot application as the network's owner and the applicant's association see it. */
@Serdeable
public record ApplicationResponse(UUID id, UUID networkId, String tenant, long memberId, String memberName,
                                  String motivation, ApplicationStatus status, @Nullable String reason,
                                  String appliedBy, Instant appliedAt, @Nullable String decidedBy,
                                  @Nullable Instant decidedAt) {
}
