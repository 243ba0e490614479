package eu.koopera.benchlearning;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** One page of values with the total count. */
@Serdeable
public record ValuePage(List<IndicatorValue> items, int page, int size, int total) {
}
