package eu.koopera.benchlearning;

import eu.koopera.jooq.tenant.tables.records.IndicatorRecord;
import eu.koopera.networks.LocalizedText;
import eu.koopera.platform.database.JsonbColumns;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static eu.koopera.jooq.tenant.Tables.INDICATOR;

/** The current association's indicator catalogue. */
@Singleton
class IndicatorQueries {

    private static final Argument<Map<String, String>> TEXTS = Argument.mapOf(String.class, String.class);

    private final DSLContext sql;
    private final JsonbColumns json;

    IndicatorQueries(DSLContext sql, JsonbColumns json) {
        this.sql = sql;
        this.json = json;
    }

    /** Inserts an indicator; empty when its code is taken. */
    Optional<Indicator> insert(String code, IndicatorCommand command, LocalizedText name,
                               @Nullable LocalizedText description) {
        return sql.insertInto(INDICATOR)
                .set(INDICATOR.CODE, code)
                .set(INDICATOR.NAME, json.write(name.asMap()))
                .set(INDICATOR.DESCRIPTION, description == null ? null : json.write(description.asMap()))
                .set(INDICATOR.UNIT, command.unit())
                .set(INDICATOR.DIRECTION, command.direction().name())
                .set(INDICATOR.GENDER_SPLIT, Boolean.TRUE.equals(command.genderSplit()))
                .set(INDICATOR.SERVICE_AREA, command.serviceArea())
                .set(INDICATOR.SOURCE, command.source())
                .set(INDICATOR.FORMULA, command.formula())
                .onConflictDoNothing()
                .returning()
                .fetchOptional(this::toIndicator);
    }

    /** Adopts a platform indicator: its definition copied under the same code; empty when the code is taken. */
    Optional<Indicator> insertAdopted(Indicator platform) {
        return sql.insertInto(INDICATOR)
                .set(definition(platform))
                .set(INDICATOR.CODE, platform.code())
                .set(INDICATOR.PLATFORM, true)
                .onConflictDoNothing()
                .returning()
                .fetchOptional(this::toIndicator);
    }

    /** Refreshes an adopted indicator's copy of the platform definition; false when it is not adopted here. */
    boolean refreshAdopted(Indicator platform) {
        return sql.update(INDICATOR)
                .set(definition(platform))
                .set(INDICATOR.VERSION, INDICATOR.VERSION.plus(1))
                .set(INDICATOR.UPDATED_AT, OffsetDateTime.now())
                .where(INDICATOR.CODE.eq(platform.code()), INDICATOR.PLATFORM.isTrue())
                .execute() == 1;
    }

    private Map<org.jooq.Field<?>, Object> definition(Indicator platform) {
        Map<org.jooq.Field<?>, Object> fields = new java.util.HashMap<>();
        fields.put(INDICATOR.NAME, json.write(platform.name().asMap()));
        fields.put(INDICATOR.DESCRIPTION, platform.description() == null ? null
                : json.write(platform.description().asMap()));
        fields.put(INDICATOR.UNIT, platform.unit());
        fields.put(INDICATOR.DIRECTION, platform.direction().name());
        fields.put(INDICATOR.GENDER_SPLIT, platform.genderSplit());
        fields.put(INDICATOR.SERVICE_AREA, platform.serviceArea());
        fields.put(INDICATOR.SOURCE, platform.source());
        fields.put(INDICATOR.FORMULA, platform.formula());
        return fields;
    }

    /** Replaces the definition if {@code version} is current; empty when it is not. */
    Optional<Indicator> update(String code, long version, IndicatorCommand command, LocalizedText name,
                               @Nullable LocalizedText description) {
        return sql.update(INDICATOR)
                .set(INDICATOR.NAME, json.write(name.asMap()))
                .set(INDICATOR.DESCRIPTION, description == null ? null : json.write(description.asMap()))
                .set(INDICATOR.UNIT, command.unit())
                .set(INDICATOR.DIRECTION, command.direction().name())
                .set(INDICATOR.GENDER_SPLIT, Boolean.TRUE.equals(command.genderSplit()))
                .set(INDICATOR.SERVICE_AREA, command.serviceArea())
                .set(INDICATOR.SOURCE, command.source())
                .set(INDICATOR.FORMULA, command.formula())
                .set(INDICATOR.VERSION, INDICATOR.VERSION.plus(1))
                .set(INDICATOR.UPDATED_AT, OffsetDateTime.now())
                .where(INDICATOR.CODE.eq(code), INDICATOR.VERSION.eq(version), INDICATOR.PLATFORM.isFalse())
                .returning()
                .fetchOptional(this::toIndicator);
    }

    Optional<Indicator> find(String code) {
        return sql.selectFrom(INDICATOR).where(INDICATOR.CODE.eq(code)).fetchOptional(this::toIndicator);
    }

    /** The catalogue, optionally of one service area, by code. */
    List<Indicator> list(@Nullable String serviceArea) {
        Condition where = serviceArea == null ? DSL.noCondition() : INDICATOR.SERVICE_AREA.eq(serviceArea);
        return sql.selectFrom(INDICATOR).where(where).orderBy(INDICATOR.CODE).fetch(this::toIndicator);
    }

    /** The indicators whose code is one of {@code codes}, by code. */
    Map<String, Indicator> byCodes(Collection<String> codes) {
        return sql.selectFrom(INDICATOR).where(INDICATOR.CODE.in(codes)).fetch(this::toIndicator).stream()
                .collect(Collectors.toMap(Indicator::code, Function.identity()));
    }

    Indicator toIndicator(IndicatorRecord row) {
        return new Indicator(row.getCode(), texts(row.getName()), row.getDescription() == null ? null
                : texts(row.getDescription()), row.getUnit(), Direction.valueOf(row.getDirection()),
                row.getGenderSplit(), row.getServiceArea(), row.getSource(), row.getFormula(), row.getVersion(),
                row.getUpdatedAt().toInstant(), row.getPlatform());
    }

    LocalizedText texts(JSONB stored) {
        return LocalizedText.of(json.read(stored, TEXTS));
    }
}
