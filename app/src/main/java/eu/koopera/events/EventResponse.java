package eu.koopera.events;

import eu.koopera.networks.LocalizedText;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An event as the API returns it; {@code version} must be sent back with changes. Date-times are local in
 * {@code timeZone}. The counts combine the registrations of every organising association.
 *
 * @param owner                 the code of the owning association
 * @param organisers            the owner and the co-organisers, each with its quota and counts
 * @param counts                how the places stand, all associations together
 * @param personalDataErasedAt  when the registrants' personal data were erased, if they were
 */
@Serdeable
public record EventResponse(UUID id, String owner, List<OrganiserResponse> organisers, EventKind kind,
                            LocalizedText title, LocalizedText description, @Nullable UUID networkId,
                            String country, String city, @Nullable String venue, List<String> hostOrganisations,
                            LocalDateTime startsAt, LocalDateTime endsAt, String timeZone,
                            List<ProgrammeItem> programme, int capacity, @Nullable Integer memberQuota,
                            SeatPool seatPool, @Nullable LocalDateTime registrationOpensAt,
                            @Nullable LocalDateTime registrationClosesAt,
                            @Nullable LocalDateTime cancellationClosesAt, boolean requiresApproval,
                            @Nullable BigDecimal costPerParticipant, String currency,
                            @Nullable String fundingProjectCode, @Nullable String fundingProjectName,
                            EventStatus status, int offerHours, int retentionDays, @Nullable Integer reminderDays,
                            SeatCounts counts, @Nullable Instant personalDataErasedAt, long version,
                            Instant createdAt, Instant updatedAt) {

    /** Whether {@code tenant} owns the event. */
    public boolean ownedBy(String tenant) {
        return owner.equals(tenant);
    }

    /** Whether {@code tenant} organises the event, as owner or co-organiser. */
    public boolean organisedBy(String tenant) {
        return organisers.stream().anyMatch(organiser -> organiser.tenant().equals(tenant));
    }
}
