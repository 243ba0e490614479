package eu.koopera.events;

import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;

/** One day of an event's programme, its items by time. */
@Serdeable
public record ProgrammeDay(LocalDate day, List<ProgrammeItem> items) {
}
