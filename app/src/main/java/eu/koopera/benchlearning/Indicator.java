package eu.koopera.benchlearning;

import eu.koopera.networks.LocalizedText;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * An indicator as the API returns it: of the association's catalogue, or of the platform's.
 *
 * @param platform whether its definition is the platform's (adopted by the association, or in the platform's
 *                 catalogue), which the association cannot edit
 */
@Serdeable
public record Indicator(String code, LocalizedText name, @Nullable LocalizedText description, @Nullable String unit,
                        Direction direction, boolean genderSplit, @Nullable String serviceArea,
                        @Nullable String source, @Nullable String formula, long version, Instant updatedAt,
                        boolean platform) {
}
