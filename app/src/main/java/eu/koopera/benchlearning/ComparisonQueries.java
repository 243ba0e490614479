package eu.koopera.benchlearning;

import eu.koopera.platform.collation.NameOrder;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record5;
import org.jooq.Result;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static eu.koopera.jooq.tenant.Tables.INDICATOR;
import static eu.koopera.jooq.tenant.Tables.INDICATOR_VALUE;
import static eu.koopera.jooq.tenant.Tables.MEMBER;

/**
 * The comparisons of benchlearning, each one round trip: the values of a peer group ranked with window functions,
 * joined with the group's statistics (ordered-set aggregates cannot be windows, so they come from a second pass over
 * the same CTE).
 */
@Singleton
class ComparisonQueries {

    private static final Field<Long> MEMBER_ID = DSL.field(DSL.name("member_id"), SQLDataType.BIGINT);
    private static final Field<String> CODE = DSL.field(DSL.name("code"), SQLDataType.VARCHAR);
    private static final Field<String> NAME = DSL.field(DSL.name("name"), SQLDataType.VARCHAR);
    private static final Field<String> INDICATOR_CODE = DSL.field(DSL.name("indicator_code"), SQLDataType.VARCHAR);
    private static final Field<Short> YEAR = DSL.field(DSL.name("year"), SQLDataType.SMALLINT);
    private static final Field<BigDecimal> VALUE = DSL.field(DSL.name("value"), SQLDataType.NUMERIC);
    private static final Field<Integer> RANK = DSL.field(DSL.name("rnk"), SQLDataType.INTEGER);
    private static final Field<Integer> OF = DSL.field(DSL.name("n"), SQLDataType.INTEGER);
    private static final Field<Double> MEAN = DSL.field(DSL.name("mean"), SQLDataType.DOUBLE);
    private static final Field<Double> MEDIAN = DSL.field(DSL.name("median"), SQLDataType.DOUBLE);
    private static final Field<Double> Q1 = DSL.field(DSL.name("q1"), SQLDataType.DOUBLE);
    private static final Field<Double> Q3 = DSL.field(DSL.name("q3"), SQLDataType.DOUBLE);
    private static final Field<BigDecimal> HIGH = DSL.field(DSL.name("high"), SQLDataType.NUMERIC);
    private static final Field<BigDecimal> LOW = DSL.field(DSL.name("low"), SQLDataType.NUMERIC);

    private final DSLContext sql;
    private final NameOrder names;
    private final IndicatorQueries indicators;

    ComparisonQueries(DSLContext sql, NameOrder names, IndicatorQueries indicators) {
        this.sql = sql;
        this.names = names;
        this.indicators = indicators;
    }

    /** The members of the given ids, as a condition on the register; none when the list is empty. */
    static Condition membersAmong(List<Long> ids) {
        return ids.isEmpty() ? DSL.falseCondition() : MEMBER.ID.in(ids);
    }

    /**
     * The members of {@code group} and the member itself, which is compared with its peers even when it is not one
     * of them; every member when there is no group.
     */
    private static Condition including(@Nullable Condition group, @Nullable Long member) {
        if (group == null) {
            return DSL.noCondition();
        }
        return member == null ? group : group.or(MEMBER.ID.eq(member));
    }

    /** Best first by the direction; NEUTRAL from the largest value. */
    private static SortField<BigDecimal> better(Direction direction, Field<BigDecimal> value) {
        return direction == Direction.LOWER_IS_BETTER ? value.asc() : value.desc();
    }

    /** The latest year with a value of the indicator for the member (or, without one, for anybody). */
    Optional<Integer> latestYear(String indicator, String gender, @Nullable Long member) {
        Condition whose = member == null ? DSL.noCondition() : INDICATOR_VALUE.MEMBER_ID.eq(member);
        Short year = sql.select(DSL.max(INDICATOR_VALUE.YEAR)).from(INDICATOR_VALUE)
                .where(INDICATOR_VALUE.INDICATOR_CODE.eq(indicator), INDICATOR_VALUE.GENDER.eq(gender), whose)
                .fetchOne(0, Short.class);
        return Optional.ofNullable(year).map(Short::intValue);
    }

    /** The latest year in which the member has any value. */
    Optional<Integer> latestYear(long member) {
        Short year = sql.select(DSL.max(INDICATOR_VALUE.YEAR)).from(INDICATOR_VALUE)
                .where(INDICATOR_VALUE.MEMBER_ID.eq(member)).fetchOne(0, Short.class);
        return Optional.ofNullable(year).map(Short::intValue);
    }

    /** The peers' values ranked, each row carrying the group's statistics; empty when no peer has a value. */
    Result<? extends Record> compare(String indicator, Direction direction, int year, String gender, @Nullable Condition group,
                           @Nullable Long member) {
        var peers = DSL.name("peers").as(
                sql.select(INDICATOR_VALUE.MEMBER_ID.as(MEMBER_ID), MEMBER.CODE.as(CODE), MEMBER.NAME.as(NAME),
                                INDICATOR_VALUE.VALUE.as(VALUE),
                                DSL.rank().over(DSL.orderBy(better(direction, INDICATOR_VALUE.VALUE))).as(RANK),
                                DSL.count().over().as(OF))
                        .from(INDICATOR_VALUE).join(MEMBER).on(MEMBER.ID.eq(INDICATOR_VALUE.MEMBER_ID))
                        .where(INDICATOR_VALUE.INDICATOR_CODE.eq(indicator),
                                INDICATOR_VALUE.YEAR.eq((short) year), INDICATOR_VALUE.GENDER.eq(gender),
                                including(group, member)));
        var stats = sql.select(DSL.avg(VALUE).cast(SQLDataType.DOUBLE).as(MEAN),
                        DSL.percentileCont(0.5).withinGroupOrderBy(VALUE).as(MEDIAN),
                        DSL.percentileCont(0.25).withinGroupOrderBy(VALUE).as(Q1),
                        DSL.percentileCont(0.75).withinGroupOrderBy(VALUE).as(Q3),
                        DSL.max(VALUE).as(HIGH), DSL.min(VALUE).as(LOW))
                .from(peers).asTable("stats");
        return sql.with(peers)
                .select(peers.field(MEMBER_ID), peers.field(CODE), peers.field(NAME), peers.field(VALUE),
                        peers.field(RANK), peers.field(OF), stats.field(MEAN), stats.field(MEDIAN), stats.field(Q1),
                        stats.field(Q3), stats.field(HIGH), stats.field(LOW))
                .from(peers).crossJoin(stats)
                .orderBy(peers.field(RANK), names.collated(peers.field(NAME)), peers.field(MEMBER_ID))
                .fetch();
    }

    /**
     * Per year: the group's median, mean and size, and the member's value and rank (null where it has none).
     */
    Result<? extends Record> trend(String indicator, Direction direction, long member, String gender,
                         @Nullable Condition group) {
        var ranked = DSL.name("ranked").as(
                sql.select(INDICATOR_VALUE.YEAR.as(YEAR), INDICATOR_VALUE.MEMBER_ID.as(MEMBER_ID),
                                INDICATOR_VALUE.VALUE.as(VALUE),
                                DSL.rank().over(DSL.partitionBy(INDICATOR_VALUE.YEAR)
                                        .orderBy(better(direction, INDICATOR_VALUE.VALUE))).as(RANK),
                                DSL.count().over(DSL.partitionBy(INDICATOR_VALUE.YEAR)).as(OF))
                        .from(INDICATOR_VALUE).join(MEMBER).on(MEMBER.ID.eq(INDICATOR_VALUE.MEMBER_ID))
                        .where(INDICATOR_VALUE.INDICATOR_CODE.eq(indicator), INDICATOR_VALUE.GENDER.eq(gender),
                                including(group, member)));
        var stats = sql.select(ranked.field(YEAR), DSL.count().as(OF),
                        DSL.avg(ranked.field(VALUE)).cast(SQLDataType.DOUBLE).as(MEAN),
                        DSL.percentileCont(0.5).withinGroupOrderBy(ranked.field(VALUE)).as(MEDIAN))
                .from(ranked).groupBy(ranked.field(YEAR)).asTable("stats");
        var mine = sql.select(ranked.field(YEAR), ranked.field(VALUE), ranked.field(RANK)).from(ranked)
                .where(ranked.field(MEMBER_ID).eq(member)).asTable("mine");
        return sql.with(ranked)
                .select(stats.field(YEAR), mine.field(VALUE), mine.field(RANK), stats.field(OF), stats.field(MEDIAN),
                        stats.field(MEAN))
                .from(stats).leftJoin(mine).on(mine.field(YEAR).eq(stats.field(YEAR)))
                .orderBy(stats.field(YEAR))
                .fetch();
    }

    /**
     * The indicators (not NEUTRAL ones) on which the member is in the worst quarter of its peers in {@code year}:
     * below the first quartile where higher is better, above the third where lower is better.
     */
    List<WeakSpot> weakSpots(long member, int year, String gender, @Nullable Condition group) {
        var peers = ranked("peers", INDICATOR_VALUE.YEAR.eq((short) year), INDICATOR_VALUE.GENDER.eq(gender),
                INDICATOR.DIRECTION.ne(Direction.NEUTRAL.name()), including(group, member));
        var stats = sql.select(peers.field(INDICATOR_CODE),
                        DSL.percentileCont(0.25).withinGroupOrderBy(peers.field(VALUE)).as(Q1),
                        DSL.percentileCont(0.5).withinGroupOrderBy(peers.field(VALUE)).as(MEDIAN),
                        DSL.percentileCont(0.75).withinGroupOrderBy(peers.field(VALUE)).as(Q3))
                .from(peers).groupBy(peers.field(INDICATOR_CODE)).asTable("stats");
        return sql.with(peers)
                .select(INDICATOR.CODE, INDICATOR.NAME, INDICATOR.UNIT, INDICATOR.DIRECTION, INDICATOR.SERVICE_AREA,
                        peers.field(VALUE), peers.field(RANK), peers.field(OF), stats.field(Q1), stats.field(MEDIAN),
                        stats.field(Q3))
                .from(peers)
                .join(stats).on(stats.field(INDICATOR_CODE).eq(peers.field(INDICATOR_CODE)))
                .join(INDICATOR).on(INDICATOR.CODE.eq(peers.field(INDICATOR_CODE)))
                .where(peers.field(MEMBER_ID).eq(member))
                .and(DSL.or(
                        INDICATOR.DIRECTION.eq(Direction.HIGHER_IS_BETTER.name())
                                .and(peers.field(VALUE).cast(SQLDataType.DOUBLE).lt(stats.field(Q1))),
                        INDICATOR.DIRECTION.eq(Direction.LOWER_IS_BETTER.name())
                                .and(peers.field(VALUE).cast(SQLDataType.DOUBLE).gt(stats.field(Q3)))))
                .orderBy(INDICATOR.SERVICE_AREA.asc().nullsLast(), INDICATOR.CODE)
                .fetch(row -> new WeakSpot(row.get(INDICATOR.CODE), indicators.texts(row.get(INDICATOR.NAME)),
                        row.get(INDICATOR.UNIT), Direction.valueOf(row.get(INDICATOR.DIRECTION)),
                        row.get(INDICATOR.SERVICE_AREA), row.get(VALUE.getName(), BigDecimal.class),
                        row.get(RANK.getName(), Integer.class), row.get(OF.getName(), Integer.class),
                        row.get(Q1.getName(), Double.class), row.get(MEDIAN.getName(), Double.class),
                        row.get(Q3.getName(), Double.class)));
    }

    /** The latest year with a total value of any of the indicators for any member. */
    Optional<Integer> latestYear(List<String> indicators) {
        Short year = sql.select(DSL.max(INDICATOR_VALUE.YEAR)).from(INDICATOR_VALUE)
                .where(INDICATOR_VALUE.INDICATOR_CODE.in(indicators), INDICATOR_VALUE.GENDER.eq("T"))
                .fetchOne(0, Short.class);
        return Optional.ofNullable(year).map(Short::intValue);
    }

    /** One member's total value of one indicator ranked in its group, with the indicator's group statistics. */
    record SideBySideRow(long member, String code, String name, @Nullable String indicator,
                         @Nullable BigDecimal value, @Nullable Integer rank, @Nullable Integer of,
                         @Nullable Double mean, @Nullable Double median, @Nullable Double q1, @Nullable Double q3) {
    }

    /**
     * The group's members with their total values of {@code indicators} in {@code year}, ranked per indicator by
     * its direction, each row carrying the indicator's statistics; a member without any of the values comes once
     * with no indicator. By name in the association's alphabet, then by indicator.
     */
    List<SideBySideRow> sideBySide(List<String> indicators, int year, Condition group) {
        var ranked = ranked("ranked", INDICATOR_VALUE.INDICATOR_CODE.in(indicators),
                INDICATOR_VALUE.YEAR.eq((short) year), INDICATOR_VALUE.GENDER.eq("T"), group);
        var stats = sql.select(ranked.field(INDICATOR_CODE),
                        DSL.avg(ranked.field(VALUE)).cast(SQLDataType.DOUBLE).as(MEAN),
                        DSL.percentileCont(0.25).withinGroupOrderBy(ranked.field(VALUE)).as(Q1),
                        DSL.percentileCont(0.5).withinGroupOrderBy(ranked.field(VALUE)).as(MEDIAN),
                        DSL.percentileCont(0.75).withinGroupOrderBy(ranked.field(VALUE)).as(Q3))
                .from(ranked).groupBy(ranked.field(INDICATOR_CODE)).asTable("stats");
        return sql.with(ranked)
                .select(MEMBER.ID, MEMBER.CODE, MEMBER.NAME, ranked.field(INDICATOR_CODE), ranked.field(VALUE),
                        ranked.field(RANK), ranked.field(OF), stats.field(MEAN), stats.field(MEDIAN),
                        stats.field(Q1), stats.field(Q3))
                .from(MEMBER)
                .leftJoin(ranked).on(ranked.field(MEMBER_ID).eq(MEMBER.ID))
                .leftJoin(stats).on(stats.field(INDICATOR_CODE).eq(ranked.field(INDICATOR_CODE)))
                .where(group)
                .orderBy(names.collated(MEMBER.NAME), MEMBER.ID, ranked.field(INDICATOR_CODE))
                .fetch(row -> new SideBySideRow(row.get(MEMBER.ID), row.get(MEMBER.CODE), row.get(MEMBER.NAME),
                        row.get(INDICATOR_CODE.getName(), String.class),
                        row.get(VALUE.getName(), BigDecimal.class), row.get(RANK.getName(), Integer.class),
                        row.get(OF.getName(), Integer.class), row.get(MEAN.getName(), Double.class),
                        row.get(MEDIAN.getName(), Double.class), row.get(Q1.getName(), Double.class),
                        row.get(Q3.getName(), Double.class)));
    }

    /**
     * Standardised differences between the member and every other member with values of all the indicators in
     * {@code year}: rows of (other member's id, code and name, indicator, z(other) − z(member) as {@code z}), z over all the association's members
     * that have the indicator that year. A spread of zero gives a difference of zero.
     */
    /** One standardised difference between another member and the one compared, on one indicator. */
    record Difference(long member, String code, String name, String indicator, double z) {
    }

    List<Difference> standardisedDifferences(long member, List<String> indicators, int year) {
        Field<Double> mean = DSL.avg(INDICATOR_VALUE.VALUE).over(DSL.partitionBy(INDICATOR_VALUE.INDICATOR_CODE))
                .cast(SQLDataType.DOUBLE);
        Field<Double> spread = DSL.field("stddev_pop({0}) over (partition by {1})", SQLDataType.DOUBLE,
                INDICATOR_VALUE.VALUE, INDICATOR_VALUE.INDICATOR_CODE);
        Field<Double> zField = DSL.coalesce(INDICATOR_VALUE.VALUE.cast(SQLDataType.DOUBLE).minus(mean)
                .div(DSL.nullif(spread, 0.0)), DSL.inline(0.0));
        Field<Double> z = DSL.field(DSL.name("z"), SQLDataType.DOUBLE);
        var standardised = DSL.name("standardised").as(
                sql.select(INDICATOR_VALUE.INDICATOR_CODE.as(INDICATOR_CODE), INDICATOR_VALUE.MEMBER_ID.as(MEMBER_ID),
                                zField.as(z))
                        .from(INDICATOR_VALUE)
                        .where(INDICATOR_VALUE.INDICATOR_CODE.in(indicators), INDICATOR_VALUE.YEAR.eq((short) year),
                                INDICATOR_VALUE.GENDER.eq("T")));
        var others = standardised.as("others");
        var mine = standardised.as("mine");
        return sql.with(standardised)
                .select(others.field(MEMBER_ID), MEMBER.CODE, MEMBER.NAME, others.field(INDICATOR_CODE),
                        others.field(z).minus(mine.field(z)).as(z))
                .from(others).join(mine).on(mine.field(INDICATOR_CODE).eq(others.field(INDICATOR_CODE)))
                .join(MEMBER).on(MEMBER.ID.eq(others.field(MEMBER_ID)))
                .where(mine.field(MEMBER_ID).eq(member), others.field(MEMBER_ID).ne(member))
                .fetch(row -> new Difference(row.get(0, Long.class), row.get(MEMBER.CODE), row.get(MEMBER.NAME),
                        row.get(3, String.class), row.get(4, Double.class)));
    }

    /**
     * The values chosen by {@code where} with each one's rank among the same indicator's values (1 the best by the
     * indicator's direction, ties sharing the best rank) and the number ranked, as a named common table expression.
     */
    private CommonTableExpression<Record5<String, Long, BigDecimal, Integer, Integer>> ranked(String name,
                                                                                            Condition... where) {
        Field<BigDecimal> oriented = DSL.when(INDICATOR.DIRECTION.eq(Direction.LOWER_IS_BETTER.name()),
                INDICATOR_VALUE.VALUE).otherwise(INDICATOR_VALUE.VALUE.neg());
        return DSL.name(name).as(
                sql.select(INDICATOR_VALUE.INDICATOR_CODE.as(INDICATOR_CODE), INDICATOR_VALUE.MEMBER_ID.as(MEMBER_ID),
                                INDICATOR_VALUE.VALUE.as(VALUE),
                                DSL.rank().over(DSL.partitionBy(INDICATOR_VALUE.INDICATOR_CODE).orderBy(oriented))
                                        .as(RANK),
                                DSL.count().over(DSL.partitionBy(INDICATOR_VALUE.INDICATOR_CODE)).as(OF))
                        .from(INDICATOR_VALUE)
                        .join(INDICATOR).on(INDICATOR.CODE.eq(INDICATOR_VALUE.INDICATOR_CODE))
                        .join(MEMBER).on(MEMBER.ID.eq(INDICATOR_VALUE.MEMBER_ID))
                        .where(where));
    }
}
