package eu.koopera.benchlearning;

import eu.koopera.networks.LocalizedText;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An indicator's definition, for creating or replacing one.
 *
 * @param code        1 to 40 letters, digits or . _ -; fixed once created (ignored on replacement)
 * @param name        the name in lv, lt and/or en; at least one, each up to 200 characters
 * @param description what it measures, in lv, lt and/or en, each up to 4,000 characters
 * @param unit        e.g. {@code EUR}, {@code %}, {@code per 1000 residents}
 * @param direction   which way is better
 * @param genderSplit whether values are given for women and men as well as in total
 * @param serviceArea the service area it belongs to, e.g. {@code social-care}
 * @param source      where the values come from
 * @param formula     how it is computed, as text
 * @param version     on replacement: the version the client last read; a stale one is refused
 */
@Serdeable
public record IndicatorCommand(
        @Nullable @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$",
                message = "must be 1 to 40 letters, digits or . _ -, starting with a letter or digit") String code,
        @NotNull @Valid LocalizedText name,
        @Nullable @Valid LocalizedText description,
        @Nullable @Size(max = 40) String unit,
        @NotNull Direction direction,
        @Nullable Boolean genderSplit,
        @Nullable @Size(max = 40) String serviceArea,
        @Nullable @Size(max = 300) String source,
        @Nullable @Size(max = 2000) String formula,
        @Nullable Long version) {
}
