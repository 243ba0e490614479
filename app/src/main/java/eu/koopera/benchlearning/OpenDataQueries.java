package eu.koopera.benchlearning;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static eu.koopera.jooq.tenant.Tables.BENCHLEARNING_SETTING;
import static eu.koopera.jooq.tenant.Tables.INDICATOR_VALUE;
import static eu.koopera.jooq.tenant.Tables.MEMBER;

/** Reads for the open-data endpoints and the association's opt-in. */
@Singleton
class OpenDataQueries {

    private static final Field<Integer> GROUP = DSL.field(DSL.name("grp"), SQLDataType.INTEGER);

    private final DSLContext sql;

    OpenDataQueries(DSLContext sql) {
        this.sql = sql;
    }

    boolean enabled() {
        return sql.select(BENCHLEARNING_SETTING.OPEN_DATA).from(BENCHLEARNING_SETTING)
                .fetchOptional(BENCHLEARNING_SETTING.OPEN_DATA).orElse(false);
    }

    void enable(boolean enabled, String by) {
        sql.update(BENCHLEARNING_SETTING).set(BENCHLEARNING_SETTING.OPEN_DATA, enabled)
                .set(BENCHLEARNING_SETTING.UPDATED_BY, by).set(BENCHLEARNING_SETTING.UPDATED_AT, OffsetDateTime.now())
                .execute();
    }

    /** A grouped row of values with the number of groups. */
    record Row(int groups, String indicator, String municipality, String municipalityName, int year, String gender,
               BigDecimal value, ValueStatus status) {
    }

    /**
     * Groups {@code from + 1} to {@code from + size} of (indicator, municipality, year), with all their genders,
     * in one round trip; each row carries the total number of groups.
     */
    List<Row> values(@Nullable String indicator, @Nullable String municipality, List<Integer> years, int from,
                     int size) {
        List<Condition> conditions = new ArrayList<>();
        if (indicator != null) {
            conditions.add(INDICATOR_VALUE.INDICATOR_CODE.eq(indicator));
        }
        if (municipality != null) {
            conditions.add(MEMBER.CODE.eq(municipality));
        }
        if (!years.isEmpty()) {
            conditions.add(INDICATOR_VALUE.YEAR.in(years.stream().map(Integer::shortValue).toList()));
        }
        var grouped = sql.select(INDICATOR_VALUE.INDICATOR_CODE, MEMBER.CODE, MEMBER.NAME, INDICATOR_VALUE.YEAR,
                        INDICATOR_VALUE.GENDER, INDICATOR_VALUE.VALUE, INDICATOR_VALUE.STATUS,
                        DSL.denseRank().over(DSL.orderBy(INDICATOR_VALUE.INDICATOR_CODE, MEMBER.CODE,
                                INDICATOR_VALUE.YEAR)).as(GROUP))
                .from(INDICATOR_VALUE).join(MEMBER).on(MEMBER.ID.eq(INDICATOR_VALUE.MEMBER_ID))
                .where(conditions).asTable("grouped");
        Field<Integer> groups = DSL.max(grouped.field(GROUP)).over().as("groups");
        var counted = sql.select(grouped.asterisk(), groups).from(grouped).asTable("counted");
        return sql.selectFrom(counted)
                .where(counted.field(GROUP).gt(from), counted.field(GROUP).le(from + size))
                .orderBy(counted.field(GROUP), counted.field(INDICATOR_VALUE.GENDER.getName()))
                .fetch(row -> new Row(row.get("groups", Integer.class), row.get(INDICATOR_VALUE.INDICATOR_CODE.getName(),
                        String.class), row.get(MEMBER.CODE.getName(), String.class),
                        row.get(MEMBER.NAME.getName(), String.class), row.get("year", Integer.class),
                        row.get("gender", String.class), row.get("value", BigDecimal.class),
                        ValueStatus.valueOf(row.get("status", String.class))));
    }
}
