package eu.koopera.people;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** One page of people and how many match in all. */
@Serdeable
public record PersonPage(List<PersonResponse> items, int page, int size, long total) {
}
