package eu.koopera.networks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The attendance of a meeting as recorded, replacing what was recorded before.
 *
 * @param attendees who was there
 * @param version   the version of the meeting the client last read; required, a stale one is refused
 */
@Serdeable
public record AttendanceCommand(@NotNull @Size(max = 1000) List<@NotNull @Valid Attendee> attendees,
                                @Nullable Long version) {
}
