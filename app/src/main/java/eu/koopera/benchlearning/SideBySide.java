package eu.koopera.benchlearning;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A peer group's or a network's members side by side on several indicators in one year: a row per member (also those
 * without a value), a cell per indicator in the order asked, and each indicator's statistics over the members with a
 * value. Ranks, quartiles and colours follow {@link Comparison}: rank 1 is the best, ties share the best rank,
 * NEUTRAL indicators are ranked from the largest value and have no quartile or colour.
 *
 * @param group   the peer group compared, when one was asked for
 * @param network the network whose members (of this association) are compared, when one was asked for
 */
@Serdeable
public record SideBySide(int year, @Nullable Long group, @Nullable UUID network, List<Column> indicators,
                         List<Row> members) {

    /**
     * An indicator's statistics over the members with a value; median and quartiles are {@code percentile_cont}.
     *
     * @param of how many members have a value
     */
    @Serdeable
    public record Column(String indicator, Direction direction, int of, @Nullable Double mean,
                         @Nullable Double median, @Nullable Double q1, @Nullable Double q3) {
    }

    /** A member with its cells, in the order of {@link SideBySide#indicators()}. */
    @Serdeable
    public record Row(long id, String code, String name, List<Cell> cells) {
    }

    /** A member's value of an indicator and its place; all null when it has no value that year. */
    @Serdeable
    public record Cell(String indicator, @Nullable BigDecimal value, @Nullable Integer rank,
                       @Nullable Integer quartile, @Nullable Comparison.Colour colour) {
    }
}
