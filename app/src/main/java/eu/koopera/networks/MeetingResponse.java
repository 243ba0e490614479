package eu.koopera.networks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A meeting of a network as the API returns it; {@code version} must be sent back with changes.
 *
 * @param startsAt       local start in {@code timeZone}
 * @param endsAt         local end in {@code timeZone}
 * @param invitedTenants the codes of the invited associations
 * @param attendance     who was recorded as present
 */
@Serdeable
public record MeetingResponse(UUID id, UUID networkId, MeetingKind kind, LocalizedText title,
                              LocalDateTime startsAt, LocalDateTime endsAt, String timeZone,
                              @Nullable String place, @Nullable String onlineUrl, @Nullable String agenda,
                              List<String> invitedTenants, List<Attendee> attendance, @Nullable String minutes,
                              List<String> recordings, String createdBy, long version, Instant createdAt,
                              Instant updatedAt) {
}
