package eu.koopera.events;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/**
 * A participant's arrival on one day of the event.
 *
 * @param day the day, one of the event's days
 */
@Serdeable
public record CheckInCommand(@NotNull LocalDate day) {
}
