package eu.koopera.networks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * A network's description, for creating or replacing one.
 *
 * @param name        the name in lv, lt and/or en; at least one, each up to 200 characters
 * @param description the description in lv, lt and/or en, each up to 4,000 characters
 * @param theme       what the network works on
 * @param status      where it stands (PLANNED when absent)
 * @param startsOn    first day of its period
 * @param endsOn      last day of its period, not before {@code startsOn}
 * @param maxPilots   how many municipalities may become pilots; no limit when absent
 * @param version     on replacement: the version the client last read; required, a stale one is refused
 */
@Serdeable
public record NetworkCommand(
        @NotNull @Valid LocalizedText name,
        @Nullable @Valid LocalizedText description,
        @Nullable @Size(max = 200) String theme,
        @Nullable NetworkStatus status,
        @Nullable LocalDate startsOn,
        @Nullable LocalDate endsOn,
        @Nullable @Min(0) @Max(1000) Integer maxPilots,
        @Nullable Long version) {
}
