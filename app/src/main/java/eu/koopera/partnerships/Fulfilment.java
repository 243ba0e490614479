package eu.koopera.partnerships;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * How far the parties have spent what they committed: one line per party, year and currency, the totals of each
 * year and currency over all parties, and the totals of each currency over everything.
 */
@Serdeable
public record Fulfilment(UUID agreementId, List<Line> lines, List<Line> yearTotals, List<Line> totals) {

    /**
     * One line. {@code party} and {@code partyName} are absent on totals, {@code year} on the grand totals.
     *
     * @param remaining committed less spent; negative when more was spent than committed
     * @param percent   spent as a percentage of committed, two decimal places; absent when nothing was committed
     */
    @Serdeable
    public record Line(@Nullable UUID party, @Nullable String partyName, @Nullable Integer year, String currency,
                       BigDecimal committed, BigDecimal spent, BigDecimal remaining, @Nullable BigDecimal percent) {
    }
}
