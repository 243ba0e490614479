package eu.koopera.people;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * An invitation as administrators see it; its token is never shown again after the mail.
 *
 * @param status the status as it stands now: a pending invitation past its expiry is EXPIRED
 */
@Serdeable
public record InvitationResponse(Long id, Long personId, String personName, String email, List<String> roles,
                                 InvitationStatus status, Instant expiresAt, String createdBy, Instant createdAt,
                                 @Nullable Instant acceptedAt) {
}
