package eu.koopera.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The report after an event; {@code version} is null until it is first written, then must be sent back with
 * changes.
 */
@Serdeable
public record EventReportResponse(UUID eventId, @Nullable String lessonsLearned,
                                  List<EventReportCommand.Material> materials,
                                  List<EventReportCommand.FollowUp> followUps, @Nullable Long version,
                                  @Nullable String updatedBy, @Nullable Instant updatedAt) {
}
