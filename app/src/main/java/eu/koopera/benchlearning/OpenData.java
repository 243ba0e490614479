package eu.koopera.benchlearning;

import eu.koopera.networks.LocalizedText;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/** The shapes of the open-data endpoints, close to Kolada's: a count, the items, and the next page's address. */
public final class OpenData {

    private OpenData() {
    }

    /** The catalogue. */
    @Serdeable
    public record Indicators(int count, List<Kpi> values) {
    }

    /** One indicator ("kpi"). */
    @Serdeable
    public record Kpi(String id, LocalizedText title, @Nullable LocalizedText description, @Nullable String unit,
                      Direction direction, boolean isDividedByGender, @Nullable String serviceArea,
                      @Nullable String source) {
    }

    /** One page of values grouped by indicator, municipality and year. */
    @Serdeable
    public record Values(int count, List<Value> values, @Nullable String nextPage) {
    }

    /** The values of one indicator for one municipality in one year ("period"), by gender. */
    @Serdeable
    public record Value(String kpi, String municipality, String municipalityName, int period,
                        List<GenderValue> values) {
    }

    /** T (total), F or M. */
    @Serdeable
    public record GenderValue(String gender, BigDecimal value, ValueStatus status) {
    }

    /** Whether an association publishes its benchlearning data. */
    @Serdeable
    public record Setting(boolean enabled) {
    }
}
