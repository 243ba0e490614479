package eu.koopera.benchlearning;

import eu.koopera.networks.LocalizedText;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** An indicator of the association's catalogue as the API returns it. */
@Serdeable
public record Indicator(String code, LocalizedText name, @Nullable LocalizedText description, @Nullable String unit,
                        Direction direction, boolean genderSplit, @Nullable String serviceArea,
                        @Nullable String source, @Nullable String formula, long version, Instant updatedAt) {
}
