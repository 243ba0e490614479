package eu.koopera.benchlearning;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/**
 * A member's values of one indicator over the years, with the change from a baseline year and the peer group's
 * median, mean and the member's rank in each year. A year in which the peers have values and the member has none
 * appears with a null value.
 */
@Serdeable
public record Trend(String indicator, Direction direction, long member, String gender, @Nullable Integer baseline,
                    @Nullable BigDecimal baselineValue, List<Point> points) {

    @Serdeable
    public record Point(int year, @Nullable BigDecimal value, @Nullable BigDecimal change,
                        @Nullable Double changePercent, @Nullable Integer rank, int of, @Nullable Double median,
                        @Nullable Double mean) {
    }
}
