package eu.koopera.benchlearning;

import eu.koopera.members.MemberService;
import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.Record;
import org.jooq.Result;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;


/**
 * Compares members on indicators: a member against its peer group in one year, its trend over the years, and the
 * indicators on which it is in the worst quarter of its peers. Every user of the association may compare.
 */
@Singleton
public class ComparisonService {

    /** The most indicators compared side by side at once. */
    public static final int MAX_SIDE_BY_SIDE = 12;

    private final CallerContext callers;
    private final IndicatorQueries indicators;
    private final ComparisonQueries queries;
    private final PeerGroupService groups;
    private final MemberService members;

    public ComparisonService(CallerContext callers, IndicatorQueries indicators, ComparisonQueries queries,
                             PeerGroupService groups, MemberService members) {
        this.callers = callers;
        this.indicators = indicators;
        this.queries = queries;
        this.groups = groups;
        this.members = members;
    }

    /**
     * One indicator in one year across a peer group (all the association's members without one), seen from
     * {@code member} when given; the year defaults to the latest with a value (the member's when given).
     */
    @Transactional(readOnly = true)
    public Comparison compare(String indicatorCode, @Nullable Long member, @Nullable Long group,
                              @Nullable Integer year, @Nullable String gender) {
        callers.requireTenantUser();
        Indicator indicator = indicator(indicatorCode, gender);
        String sex = gender(gender);
        requireMember(member);
        Condition peers = groups.condition(group);
        int inYear = year != null ? year : queries.latestYear(indicator.code(), sex, member)
                .orElseThrow(ComparisonService::noValues);
        var rows = queries.compare(indicator.code(), indicator.direction(), inYear, sex, peers, member);
        Direction direction = indicator.direction();
        if (rows.isEmpty()) {
            return new Comparison(indicator.code(), direction, inYear, sex, member, null, null, 0, null, null, null,
                    null, null, null, null, null, null, List.of());
        }
        Record first = rows.get(0);
        double q1 = first.get("q1", Double.class);
        double median = first.get("median", Double.class);
        double q3 = first.get("q3", Double.class);
        int of = first.get("n", Integer.class);
        List<Comparison.Peer> peerList = new ArrayList<>(rows.size());
        Comparison.Peer self = null;
        for (Record row : rows) {
            BigDecimal value = row.get("value", BigDecimal.class);
            Integer quartile = Comparison.quartile(direction, value, q1, median, q3);
            long id = row.get("member_id", Long.class);
            Comparison.Peer peer = new Comparison.Peer(id, row.get("code", String.class),
                    row.get("name", String.class), value, row.get("rnk", Integer.class), quartile,
                    Comparison.Colour.of(quartile), member != null && member == id);
            peerList.add(peer);
            if (peer.self()) {
                self = peer;
            }
        }
        BigDecimal high = first.get("high", BigDecimal.class);
        BigDecimal low = first.get("low", BigDecimal.class);
        BigDecimal best = direction == Direction.HIGHER_IS_BETTER ? high
                : direction == Direction.LOWER_IS_BETTER ? low : null;
        BigDecimal worst = direction == Direction.HIGHER_IS_BETTER ? low
                : direction == Direction.LOWER_IS_BETTER ? high : null;
        Double percentile = self == null || direction == Direction.NEUTRAL ? null
                : of == 1 ? 100.0 : 100.0 * (of - self.rank()) / (of - 1);
        return new Comparison(indicator.code(), direction, inYear, sex, member, self == null ? null : self.value(),
                self == null ? null : self.rank(), of, percentile, self == null ? null : self.quartile(),
                self == null ? null : self.colour(), first.get("mean", Double.class), median, q1, q3, best, worst,
                peerList);
    }

    /**
     * A member's values of one indicator over the years with the change from {@code baseline} (the first year with
     * a value when absent) and its peers' median and its rank each year.
     */
    @Transactional(readOnly = true)
    public Trend trend(String indicatorCode, long member, @Nullable Long group, @Nullable Integer baseline,
                       @Nullable String gender) {
        callers.requireTenantUser();
        Indicator indicator = indicator(indicatorCode, gender);
        String sex = gender(gender);
        requireMember(member);
        Condition peers = groups.condition(group);
        var rows = queries.trend(indicator.code(), indicator.direction(), member, sex, peers);
        Integer base = baseline;
        BigDecimal baseValue = null;
        for (Record row : rows) {
            BigDecimal value = row.get("value", BigDecimal.class);
            int year = row.get("year", Short.class);
            if (value != null && (base == null ? baseValue == null : base == year)) {
                base = year;
                baseValue = value;
            }
        }
        List<Trend.Point> points = new ArrayList<>(rows.size());
        for (Record row : rows) {
            BigDecimal value = row.get("value", BigDecimal.class);
            BigDecimal change = value == null || baseValue == null ? null : value.subtract(baseValue);
            Double percent = change == null || baseValue.signum() == 0 ? null
                    : change.divide(baseValue.abs(), MathContext.DECIMAL64).doubleValue() * 100;
            boolean ranked = value != null && indicator.direction() != Direction.NEUTRAL;
            points.add(new Trend.Point(row.get("year", Short.class), value, change, percent,
                    ranked ? row.get("rnk", Integer.class) : null, row.get("n", Integer.class),
                    row.get("median", Double.class), row.get("mean", Double.class)));
        }
        return new Trend(indicator.code(), indicator.direction(), member, sex, base, baseValue, points);
    }

    /**
     * The indicators on which the member is in the worst quarter of its peers in {@code year} (the latest year in
     * which it has values when absent); NEUTRAL indicators are never a weak spot.
     */
    @Transactional(readOnly = true)
    public List<WeakSpot> weakSpots(long member, @Nullable Long group, @Nullable Integer year) {
        callers.requireTenantUser();
        requireMember(member);
        Condition peers = groups.condition(group);
        int inYear = year != null ? year : queries.latestYear(member).orElseThrow(ComparisonService::noValues);
        return queries.weakSpots(member, inYear, "T", peers);
    }

    /**
     * A peer group's or a network's members side by side on {@code indicatorCodes} (in that order, repeats dropped)
     * in {@code year}, the latest year with a value of any of them when absent. Exactly one of {@code group} and
     * {@code network} is given; a network's members are those of the caller's association taking part today.
     *
     * @throws ApiException.BadRequest when neither or both of group and network are given, or no indicator, or
     *                                 more than {@value #MAX_SIDE_BY_SIDE}
     * @throws ApiException.NotFound   when an indicator, the group or the network is unknown, or no value exists
     */
    @Transactional(readOnly = true)
    public SideBySide sideBySide(@Nullable Long group, @Nullable UUID network, List<String> indicatorCodes,
                                 @Nullable Integer year) {
        callers.requireTenantUser();
        List<String> codes = List.copyOf(new LinkedHashSet<>(indicatorCodes));
        List<Problem.FieldError> errors = new ArrayList<>();
        if ((group == null) == (network == null)) {
            errors.add(new Problem.FieldError("group", "give either a peer group or a network", null, null,
                    "sideBySide.group.one", List.of()));
        }
        if (codes.isEmpty()) {
            errors.add(new Problem.FieldError("indicators", "must name at least one indicator", null, null,
                    "required", List.of()));
        } else if (codes.size() > MAX_SIDE_BY_SIDE) {
            errors.add(new Problem.FieldError("indicators", "names more than " + MAX_SIDE_BY_SIDE + " indicators",
                    null, null, "sideBySide.indicators.tooMany", List.of(Integer.toString(MAX_SIDE_BY_SIDE))));
        }
        if (!errors.isEmpty()) {
            throw new ApiException.BadRequest("The comparison has invalid parameters.", errors);
        }
        Map<String, Indicator> known = indicators.byCodes(codes);
        for (String code : codes) {
            if (!known.containsKey(code)) {
                throw IndicatorService.unknown(code);
            }
        }
        Condition peers = group != null ? groups.condition(group) : groups.network(network);
        int inYear = year != null ? year : queries.latestYear(codes).orElseThrow(ComparisonService::noValues);
        Map<Long, SideBySide.Row> rows = new LinkedHashMap<>();
        Map<Long, Map<String, SideBySide.Cell>> cells = new HashMap<>();
        Map<String, SideBySide.Column> columns = new HashMap<>();
        for (ComparisonQueries.SideBySideRow row : queries.sideBySide(codes, inYear, peers)) {
            rows.putIfAbsent(row.member(), new SideBySide.Row(row.member(), row.code(), row.name(), List.of()));
            if (row.indicator() == null) {
                continue;
            }
            Direction direction = known.get(row.indicator()).direction();
            columns.putIfAbsent(row.indicator(), new SideBySide.Column(row.indicator(), direction, row.of(),
                    row.mean(), row.median(), row.q1(), row.q3()));
            Integer quartile = Comparison.quartile(direction, row.value(), row.q1(), row.median(), row.q3());
            cells.computeIfAbsent(row.member(), key -> new HashMap<>()).put(row.indicator(),
                    new SideBySide.Cell(row.indicator(), row.value(), row.rank(), quartile,
                            Comparison.Colour.of(quartile)));
        }
        List<SideBySide.Row> members = new ArrayList<>(rows.size());
        for (SideBySide.Row row : rows.values()) {
            Map<String, SideBySide.Cell> mine = cells.getOrDefault(row.id(), Map.of());
            members.add(new SideBySide.Row(row.id(), row.code(), row.name(), codes.stream()
                    .map(code -> mine.getOrDefault(code, new SideBySide.Cell(code, null, null, null, null)))
                    .toList()));
        }
        List<SideBySide.Column> stats = codes.stream().map(code -> columns.getOrDefault(code,
                new SideBySide.Column(code, known.get(code).direction(), 0, null, null, null, null))).toList();
        return new SideBySide(inYear, group, network, stats, members);
    }

    static ApiException noValues() {
        return new ApiException.NotFound("There are no values to compare yet.").withCode("values.none");
    }

    private Indicator indicator(String code, @Nullable String gender) {
        Indicator indicator = indicators.find(code).orElseThrow(() -> IndicatorService.unknown(code));
        if (gender != null && !"T".equals(gender) && !indicator.genderSplit()) {
            throw new ApiException.BadRequest("The indicator has no values by gender.",
                    List.of(new Problem.FieldError("gender", "the indicator has no values by gender", null, null,
                            "indicator.gender.notSplit", List.of(code)))).withCode("indicator.gender.notSplit");
        }
        return indicator;
    }

    private static String gender(@Nullable String gender) {
        return gender == null ? "T" : gender;
    }

    private void requireMember(@Nullable Long member) {
        if (member != null && !members.exists(member)) {
            throw new ApiException.NotFound("There is no member " + member + " in the association.")
                    .withCode("member.unknown");
        }
    }
}
