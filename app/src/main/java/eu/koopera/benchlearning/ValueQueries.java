package eu.koopera.benchlearning;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static eu.koopera.jooq.tenant.Tables.INDICATOR_VALUE;
import static eu.koopera.jooq.tenant.Tables.MEMBER;

/** Indicator values of the current association: bulk upsert with history, and reads. */
@Singleton
class ValueQueries {

    /** Rows per statement; each is one round trip with seven arrays. */
    private static final int BATCH = 20_000;

    /**
     * Creates missing values and changes those whose figure or status differ, marks them with the import, and
     * records every change of an existing value with the value before it. The CTEs share one snapshot: {@code old}
     * sees the rows as they were.
     */
    private static final String UPSERT = """
            WITH input AS (
              SELECT * FROM unnest(?::varchar[], ?::bigint[], ?::smallint[], ?::varchar[], ?::numeric[],
                                   ?::varchar[], ?::varchar[])
                       AS t(indicator_code, member_id, year, gender, value, status, source)
            ), old AS (
              SELECT v.indicator_code, v.member_id, v.year, v.gender, v.value, v.status
                FROM indicator_value v JOIN input i USING (indicator_code, year, gender, member_id)
            ), written AS (
              INSERT INTO indicator_value AS v (indicator_code, member_id, year, gender, value, status, source,
                                                import_id)
              SELECT indicator_code, member_id, year, gender, value, status, source, ? FROM input
              ON CONFLICT (indicator_code, year, gender, member_id) DO UPDATE
                SET value = excluded.value, status = excluded.status, source = excluded.source,
                    import_id = excluded.import_id, updated_at = now()
                WHERE (v.value, v.status) IS DISTINCT FROM (excluded.value, excluded.status)
              RETURNING v.indicator_code, v.member_id, v.year, v.gender, v.value, v.status
            ), logged AS (
              INSERT INTO indicator_value_change (indicator_code, member_id, year, gender, old_value, new_value,
                                                  old_status, new_status, import_id, changed_by)
              SELECT w.indicator_code, w.member_id, w.year, w.gender, o.value, w.value, o.status, w.status, ?, ?
                FROM written w JOIN old o USING (indicator_code, member_id, year, gender)
              RETURNING 1
            )
            SELECT (SELECT count(*) FROM written) - (SELECT count(*) FROM logged), (SELECT count(*) FROM logged)
            """;

    /** What an import would do, without writing. */
    private static final String PREVIEW = """
            WITH input AS (
              SELECT * FROM unnest(?::varchar[], ?::bigint[], ?::smallint[], ?::varchar[], ?::numeric[],
                                   ?::varchar[])
                       AS t(indicator_code, member_id, year, gender, value, status)
            )
            SELECT count(*) FILTER (WHERE v.value IS NULL),
                   count(*) FILTER (WHERE v.value IS NOT NULL
                                    AND (v.value, v.status) IS DISTINCT FROM (i.value, i.status))
              FROM input i LEFT JOIN indicator_value v USING (indicator_code, year, gender, member_id)
            """;

    private final DSLContext sql;

    ValueQueries(DSLContext sql) {
        this.sql = sql;
    }

    /** Counts of an import. */
    record Outcome(int created, int updated, int unchanged, @Nullable UUID importId) {
    }

    Outcome upsert(List<ValueRow> rows, UUID importId, String changedBy) {
        int[] counts = new int[2];
        sql.connection(connection -> {
            for (int from = 0; from < rows.size(); from += BATCH) {
                List<ValueRow> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
                try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
                    int next = bindArrays(connection, statement, batch, true);
                    statement.setObject(next, importId);
                    statement.setObject(next + 1, importId);
                    statement.setString(next + 2, changedBy);
                    add(statement, counts);
                }
            }
        });
        return new Outcome(counts[0], counts[1], rows.size() - counts[0] - counts[1], importId);
    }

    Outcome preview(List<ValueRow> rows) {
        int[] counts = new int[2];
        sql.connection(connection -> {
            for (int from = 0; from < rows.size(); from += BATCH) {
                List<ValueRow> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
                try (PreparedStatement statement = connection.prepareStatement(PREVIEW)) {
                    bindArrays(connection, statement, batch, false);
                    add(statement, counts);
                }
            }
        });
        return new Outcome(counts[0], counts[1], rows.size() - counts[0] - counts[1], null);
    }

    private static void add(PreparedStatement statement, int[] counts) throws SQLException {
        try (ResultSet result = statement.executeQuery()) {
            result.next();
            counts[0] += result.getInt(1);
            counts[1] += result.getInt(2);
        }
    }

    private static int bindArrays(Connection connection, PreparedStatement statement, List<ValueRow> rows,
                                  boolean withSource) throws SQLException {
        int size = rows.size();
        String[] indicators = new String[size];
        Long[] members = new Long[size];
        Short[] years = new Short[size];
        String[] genders = new String[size];
        BigDecimal[] values = new BigDecimal[size];
        String[] statuses = new String[size];
        String[] sources = new String[size];
        for (int i = 0; i < size; i++) {
            ValueRow row = rows.get(i);
            indicators[i] = row.indicator();
            members[i] = row.memberId();
            years[i] = (short) row.year();
            genders[i] = row.gender();
            values[i] = row.value();
            statuses[i] = row.status().name();
            sources[i] = row.source();
        }
        List<Array> arrays = new ArrayList<>(List.of(connection.createArrayOf("varchar", indicators),
                connection.createArrayOf("int8", members), connection.createArrayOf("int2", years),
                connection.createArrayOf("varchar", genders), connection.createArrayOf("numeric", values),
                connection.createArrayOf("varchar", statuses)));
        if (withSource) {
            arrays.add(connection.createArrayOf("varchar", sources));
        }
        for (int i = 0; i < arrays.size(); i++) {
            statement.setArray(i + 1, arrays.get(i));
        }
        return arrays.size() + 1;
    }

    /** Values of one indicator and/or member in a range of years, by member code, year and gender. */
    ValuePage search(@Nullable String indicator, @Nullable Long member, @Nullable Integer yearFrom,
                     @Nullable Integer yearTo, int page, int size) {
        List<Condition> conditions = new ArrayList<>();
        if (indicator != null) {
            conditions.add(INDICATOR_VALUE.INDICATOR_CODE.eq(indicator));
        }
        if (member != null) {
            conditions.add(INDICATOR_VALUE.MEMBER_ID.eq(member));
        }
        if (yearFrom != null) {
            conditions.add(INDICATOR_VALUE.YEAR.ge(yearFrom.shortValue()));
        }
        if (yearTo != null) {
            conditions.add(INDICATOR_VALUE.YEAR.le(yearTo.shortValue()));
        }
        Condition where = DSL.and(conditions);
        int total = sql.fetchCount(INDICATOR_VALUE, where);
        List<IndicatorValue> items = sql.select(INDICATOR_VALUE.INDICATOR_CODE, INDICATOR_VALUE.MEMBER_ID,
                        MEMBER.CODE, MEMBER.NAME, INDICATOR_VALUE.YEAR, INDICATOR_VALUE.GENDER, INDICATOR_VALUE.VALUE,
                        INDICATOR_VALUE.STATUS, INDICATOR_VALUE.SOURCE)
                .from(INDICATOR_VALUE).join(MEMBER).on(MEMBER.ID.eq(INDICATOR_VALUE.MEMBER_ID))
                .where(where)
                .orderBy(INDICATOR_VALUE.INDICATOR_CODE, MEMBER.CODE, INDICATOR_VALUE.YEAR, INDICATOR_VALUE.GENDER)
                .limit(size).offset((long) page * size)
                .fetch(row -> new IndicatorValue(row.value1(), row.value2(), row.value3(), row.value4(),
                        row.value5().intValue(), row.value6(), row.value7(), ValueStatus.valueOf(row.value8()),
                        row.value9()));
        return new ValuePage(items, page, size, total);
    }
}
