package eu.koopera.benchlearning;

import eu.koopera.networks.LocalizedText;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/** An indicator on which a member is in the worst quarter of its peers, in one year. */
@Serdeable
public record WeakSpot(String indicator, LocalizedText name, @Nullable String unit, Direction direction,
                       @Nullable String serviceArea, BigDecimal value, int rank, int of, double q1, double median,
                       double q3) {
}
