package eu.koopera.benchlearning;

import eu.koopera.jooq.shared.tables.records.IndicatorRecord;
import eu.koopera.networks.LocalizedText;
import eu.koopera.platform.database.JsonbColumns;
import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.JSONB;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static eu.koopera.jooq.shared.tables.Indicator.INDICATOR;

/** The platform's indicator catalogue in {@code shared.indicator}; written only under the platform's write setting. */
@Singleton
class PlatformIndicatorQueries {

    private static final Argument<Map<String, String>> TEXTS = Argument.mapOf(String.class, String.class);

    private final DSLContext sql;
    private final JsonbColumns json;

    PlatformIndicatorQueries(DSLContext sql, JsonbColumns json) {
        this.sql = sql;
        this.json = json;
    }

    Optional<Indicator> insert(IndicatorCommand command, LocalizedText name, LocalizedText description) {
        return sql.insertInto(INDICATOR)
                .set(INDICATOR.CODE, command.code())
                .set(INDICATOR.NAME, json.write(name.asMap()))
                .set(INDICATOR.DESCRIPTION, description == null ? null : json.write(description.asMap()))
                .set(INDICATOR.UNIT, command.unit())
                .set(INDICATOR.DIRECTION, command.direction().name())
                .set(INDICATOR.GENDER_SPLIT, Boolean.TRUE.equals(command.genderSplit()))
                .set(INDICATOR.SERVICE_AREA, command.serviceArea())
                .set(INDICATOR.SOURCE, command.source())
                .set(INDICATOR.FORMULA, command.formula())
                .onConflictDoNothing()
                .returning().fetchOptional(this::toIndicator);
    }

    Optional<Indicator> update(String code, long version, IndicatorCommand command, LocalizedText name,
                               LocalizedText description) {
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
                .where(INDICATOR.CODE.eq(code), INDICATOR.VERSION.eq(version))
                .returning().fetchOptional(this::toIndicator);
    }

    Optional<Indicator> find(String code) {
        return sql.selectFrom(INDICATOR).where(INDICATOR.CODE.eq(code)).fetchOptional(this::toIndicator);
    }

    List<Indicator> list() {
        return sql.selectFrom(INDICATOR).orderBy(INDICATOR.CODE).fetch(this::toIndicator);
    }

    private Indicator toIndicator(IndicatorRecord row) {
        return new Indicator(row.getCode(), texts(row.getName()), row.getDescription() == null ? null
                : texts(row.getDescription()), row.getUnit(), Direction.valueOf(row.getDirection()),
                row.getGenderSplit(), row.getServiceArea(), row.getSource(), row.getFormula(), row.getVersion(),
                row.getUpdatedAt().toInstant(), true);
    }

    private LocalizedText texts(JSONB stored) {
        return LocalizedText.of(json.read(stored, TEXTS));
    }
}
