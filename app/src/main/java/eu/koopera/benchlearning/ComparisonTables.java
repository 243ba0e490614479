package eu.koopera.benchlearning;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The tables behind the comparison charts as rows of text, with stable English column codes: the API writes the
 * codes as headers, the UI translates them. Numbers are written plainly ({@code 1234.5}) so spreadsheets read them.
 */
public final class ComparisonTables {

    /** The peers of a comparison, best first. */
    public static final List<String> PEERS = List.of("rank", "code", "name", "value", "quartile", "colour",
            "self");
    /** A member's trend, a row per year. */
    public static final List<String> TREND = List.of("year", "value", "change", "changePercent", "rank", "of",
            "median", "mean");
    /** The indicators on which a member is in its peers' worst quarter. */
    public static final List<String> WEAK_SPOTS = List.of("indicator", "name", "unit", "serviceArea", "value",
            "rank", "of", "q1", "median", "q3");

    private ComparisonTables() {
    }

    public static List<List<String>> peers(Comparison comparison) {
        List<List<String>> rows = new ArrayList<>();
        for (Comparison.Peer peer : comparison.peers()) {
            rows.add(List.of(Integer.toString(peer.rank()), peer.code(), peer.name(), peer.value().toPlainString(),
                    text(peer.quartile()), text(peer.colour()), Boolean.toString(peer.self())));
        }
        return rows;
    }

    public static List<List<String>> trend(Trend trend) {
        List<List<String>> rows = new ArrayList<>();
        for (Trend.Point point : trend.points()) {
            rows.add(List.of(Integer.toString(point.year()), plain(point.value()), plain(point.change()),
                    text(point.changePercent()), text(point.rank()), Integer.toString(point.of()),
                    text(point.median()), text(point.mean())));
        }
        return rows;
    }

    /** Weak spots with each indicator's name in {@code language}. */
    public static List<List<String>> weakSpots(List<WeakSpot> spots, String language) {
        List<List<String>> rows = new ArrayList<>();
        for (WeakSpot spot : spots) {
            rows.add(List.of(spot.indicator(), spot.name().in(language), text(spot.unit()), text(spot.serviceArea()),
                    spot.value().toPlainString(), Integer.toString(spot.rank()), Integer.toString(spot.of()),
                    text(spot.q1()), text(spot.median()), text(spot.q3())));
        }
        return rows;
    }

    /**
     * The columns of a side-by-side table: {@code code}, {@code name}, then {@code <indicator>.value},
     * {@code <indicator>.rank} and {@code <indicator>.quartile} for each indicator in order.
     */
    public static List<String> sideBySideColumns(SideBySide compared) {
        List<String> columns = new ArrayList<>(List.of("code", "name"));
        for (SideBySide.Column column : compared.indicators()) {
            for (String part : SIDE_BY_SIDE_PARTS) {
                columns.add(column.indicator() + "." + part);
            }
        }
        return columns;
    }

    /** What each indicator has in a side-by-side table, after the member's code and name. */
    public static final List<String> SIDE_BY_SIDE_PARTS = List.of("value", "rank", "quartile");

    /**
     * A row per member with its value, rank and quartile of each indicator (empty where it has none), then the rows
     * {@code mean} and {@code median} with the indicators' figures in their value columns.
     */
    public static List<List<String>> sideBySide(SideBySide compared) {
        List<List<String>> rows = new ArrayList<>();
        for (SideBySide.Row member : compared.members()) {
            List<String> row = new ArrayList<>(List.of(member.code(), member.name()));
            for (SideBySide.Cell cell : member.cells()) {
                row.addAll(List.of(plain(cell.value()), text(cell.rank()), text(cell.quartile())));
            }
            rows.add(row);
        }
        for (String statistic : List.of("mean", "median")) {
            List<String> row = new ArrayList<>(List.of(statistic, ""));
            for (SideBySide.Column column : compared.indicators()) {
                row.addAll(List.of(text(statistic.equals("mean") ? column.mean() : column.median()), "", ""));
            }
            rows.add(row);
        }
        return rows;
    }

    private static String plain(@Nullable BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static String text(@Nullable Object value) {
        return Objects.toString(value, "");
    }
}
