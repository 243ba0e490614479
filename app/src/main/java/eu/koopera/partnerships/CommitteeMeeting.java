package eu.koopera.partnerships;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * A meeting of a twinning committee.
 *
 * @param id       its id
 * @param title    what the meeting is
 * @param startsAt local start in {@code timeZone}
 * @param endsAt   local end in {@code timeZone}
 * @param timeZone its IANA time zone
 * @param place    where it takes place
 * @param agenda   the agenda
 * @param start    the start as an instant, for calendars
 * @param end      the end as an instant
 */
@Serdeable
public record CommitteeMeeting(UUID id, String title, LocalDateTime startsAt, LocalDateTime endsAt, String timeZone,
                               String place, @Nullable String agenda, Instant start, Instant end) {
}
