package eu.koopera.events;

import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The check-in list of an event: every confirmed participant and the days they were there.
 *
 * @param days    the event's days
 * @param present how many were checked in on each day
 * @param rows    the participants, by association and municipality
 */
@Serdeable
public record AttendanceSheet(List<LocalDate> days, Map<LocalDate, Integer> present, List<AttendanceRow> rows) {
}
