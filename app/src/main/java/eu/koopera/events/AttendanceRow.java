package eu.koopera.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A confirmed participant on the check-in list.
 *
 * @param fullName their name, for the association that registered them only
 * @param present  the days they were checked in
 */
@Serdeable
public record AttendanceRow(UUID registrationId, String tenant, String memberName, ParticipantRole role,
                            @Nullable String fullName, List<LocalDate> present) {
}
