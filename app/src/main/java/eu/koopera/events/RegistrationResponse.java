package eu.koopera.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * A registration as the API returns it. Every organiser sees the seat facts; {@code person} is present only for
 * the association that registered the person, and only until personal data are erased.
 *
 * @param tenant           the registering association
 * @param memberId         the municipality, in the registering association's register
 * @param memberName       its name
 * @param waitlistPosition the place on the waitlist (1 is next), while WAITLISTED
 * @param offerExpiresAt   when an offer lapses, while OFFERED
 * @param reason           why it was rejected, if it was
 * @param person           the personal data, for the registering association only
 */
@Serdeable
public record RegistrationResponse(UUID id, UUID eventId, String tenant, long memberId, String memberName,
                                   ParticipantRole role, RegistrationStatus status, @Nullable Integer waitlistPosition,
                                   @Nullable Instant offerExpiresAt, @Nullable String reason, Instant registeredAt,
                                   @Nullable PersonalDetails person) {
}
