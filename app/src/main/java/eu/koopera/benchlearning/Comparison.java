package eu.koopera.benchlearning;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/**
 * One indicator in one year across a peer group, from the point of view of one member (when asked for one).
 * Rank 1 is the best by the indicator's direction and ties share the best rank; NEUTRAL indicators are ranked from
 * the largest value and have no quartile colour, best or worst. Median and quartiles are PostgreSQL's
 * {@code percentile_cont}.
 *
 * @param value      the member's value; null when it has none that year
 * @param percentile share of the peers the member does at least as well as, 0–100 (100 = best)
 * @param quartile   1 (best quarter) to 4 (worst quarter); null for NEUTRAL indicators
 * @param of         how many peers have a value
 */
@Serdeable
public record Comparison(String indicator, Direction direction, int year, String gender, @Nullable Long member,
                         @Nullable BigDecimal value, @Nullable Integer rank, int of, @Nullable Double percentile,
                         @Nullable Integer quartile, @Nullable Colour colour, @Nullable Double mean,
                         @Nullable Double median, @Nullable Double q1, @Nullable Double q3,
                         @Nullable BigDecimal best, @Nullable BigDecimal worst, List<Peer> peers) {

    /** Green for the best quarter, yellow for the middle half, red for the worst quarter. */
    public enum Colour {
        GREEN, YELLOW, RED;

        static @Nullable Colour of(@Nullable Integer quartile) {
            return quartile == null ? null : quartile == 1 ? GREEN : quartile == 4 ? RED : YELLOW;
        }
    }

    /** A peer's value and place, best first. */
    @Serdeable
    public record Peer(long id, String code, String name, BigDecimal value, int rank, @Nullable Integer quartile,
                       @Nullable Colour colour, boolean self) {
    }

    /** The quartile of {@code value} among peers with these quartiles, 1 the best; null for NEUTRAL. */
    static @Nullable Integer quartile(Direction direction, BigDecimal value, double q1, double median, double q3) {
        double v = value.doubleValue();
        return switch (direction) {
            case HIGHER_IS_BETTER -> v >= q3 ? 1 : v >= median ? 2 : v >= q1 ? 3 : 4;
            case LOWER_IS_BETTER -> v <= q1 ? 1 : v <= median ? 2 : v <= q3 ? 3 : 4;
            case NEUTRAL -> null;
        };
    }
}
