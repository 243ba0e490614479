package eu.koopera.benchlearning;

import eu.koopera.platform.database.JsonbColumns;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static eu.koopera.jooq.tenant.Tables.GOOD_PRACTICE;
import static eu.koopera.jooq.tenant.Tables.MEMBER;

/** Good-practice examples of the current association. */
@Singleton
class GoodPracticeQueries {

    private static final Argument<Map<String, String>> TEXTS = Argument.mapOf(String.class, String.class);

    private final DSLContext sql;
    private final JsonbColumns json;

    GoodPracticeQueries(DSLContext sql, JsonbColumns json) {
        this.sql = sql;
        this.json = json;
    }

    long insert(GoodPracticeCommand command, String createdBy) {
        return sql.insertInto(GOOD_PRACTICE)
                .set(GOOD_PRACTICE.MEMBER_ID, command.member())
                .set(GOOD_PRACTICE.TITLE, json.write(command.title().asMap()))
                .set(GOOD_PRACTICE.DESCRIPTION, command.description())
                .set(GOOD_PRACTICE.INDICATORS, array(command.indicators()))
                .set(GOOD_PRACTICE.LINKS, array(command.links()))
                .set(GOOD_PRACTICE.CREATED_BY, createdBy)
                .returningResult(GOOD_PRACTICE.ID).fetchSingle().value1();
    }

    boolean update(long id, long version, GoodPracticeCommand command) {
        return sql.update(GOOD_PRACTICE)
                .set(GOOD_PRACTICE.TITLE, json.write(command.title().asMap()))
                .set(GOOD_PRACTICE.DESCRIPTION, command.description())
                .set(GOOD_PRACTICE.INDICATORS, array(command.indicators()))
                .set(GOOD_PRACTICE.LINKS, array(command.links()))
                .set(GOOD_PRACTICE.VERSION, GOOD_PRACTICE.VERSION.plus(1))
                .set(GOOD_PRACTICE.UPDATED_AT, OffsetDateTime.now())
                .where(GOOD_PRACTICE.ID.eq(id), GOOD_PRACTICE.VERSION.eq(version))
                .execute() == 1;
    }

    Optional<GoodPractice> find(long id) {
        return select(GOOD_PRACTICE.ID.eq(id)).stream().findFirst();
    }

    /** Examples explaining an indicator and/or of a member, newest first. */
    List<GoodPractice> list(@Nullable String indicator, @Nullable Long member) {
        List<Condition> conditions = new ArrayList<>();
        if (indicator != null) {
            conditions.add(GOOD_PRACTICE.INDICATORS.contains(new String[]{indicator}));
        }
        if (member != null) {
            conditions.add(GOOD_PRACTICE.MEMBER_ID.eq(member));
        }
        return select(DSL.and(conditions));
    }

    private List<GoodPractice> select(Condition where) {
        return sql.select(GOOD_PRACTICE.asterisk(), MEMBER.CODE, MEMBER.NAME).from(GOOD_PRACTICE)
                .join(MEMBER).on(MEMBER.ID.eq(GOOD_PRACTICE.MEMBER_ID))
                .where(where).orderBy(GOOD_PRACTICE.UPDATED_AT.desc(), GOOD_PRACTICE.ID.desc())
                .fetch(this::toPractice);
    }

    private GoodPractice toPractice(Record row) {
        return new GoodPractice(row.get(GOOD_PRACTICE.ID), row.get(GOOD_PRACTICE.MEMBER_ID), row.get(MEMBER.CODE),
                row.get(MEMBER.NAME), eu.koopera.networks.LocalizedText.of(json.read(row.get(GOOD_PRACTICE.TITLE),
                TEXTS)), row.get(GOOD_PRACTICE.DESCRIPTION), List.of(row.get(GOOD_PRACTICE.INDICATORS)),
                List.of(row.get(GOOD_PRACTICE.LINKS)), row.get(GOOD_PRACTICE.CREATED_BY),
                row.get(GOOD_PRACTICE.UPDATED_AT).toInstant(), row.get(GOOD_PRACTICE.VERSION));
    }

    private static String[] array(@Nullable List<String> values) {
        return values == null ? new String[0] : values.stream().distinct().toArray(String[]::new);
    }
}
