package eu.koopera.events;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** One page of events and how many match in all. */
@Serdeable
public record EventPage(List<EventResponse> items, int page, int size, long total) {
}
