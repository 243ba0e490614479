package eu.koopera.partnerships;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static eu.koopera.jooq.tenant.Tables.FOREIGN_MUNICIPALITY;

/** The association's list of foreign municipalities, in its own schema. */
@Singleton
class ForeignMunicipalityQueries {

    private final DSLContext sql;

    ForeignMunicipalityQueries(DSLContext sql) {
        this.sql = sql;
    }

    /** The whole list by country and name. */
    List<ImportedMunicipality> all() {
        return sql.selectFrom(FOREIGN_MUNICIPALITY)
                .orderBy(FOREIGN_MUNICIPALITY.COUNTRY, FOREIGN_MUNICIPALITY.NAME, FOREIGN_MUNICIPALITY.ID)
                .fetch(row -> new ImportedMunicipality(row.getId(), row.getName(), row.getCountry(),
                        row.getPopulation(), Arrays.asList(row.getThemes())));
    }

    /** The keys ({@code country/lower-case name}) of the municipalities already listed. */
    Set<String> keys() {
        return sql.select(FOREIGN_MUNICIPALITY.COUNTRY, FOREIGN_MUNICIPALITY.NAME).from(FOREIGN_MUNICIPALITY)
                .fetch(row -> key(row.value1(), row.value2())).stream().collect(Collectors.toSet());
    }

    /** Adds the rows, or updates population and themes of a municipality of the same name and country. */
    void upsert(List<Row> rows, String importedBy) {
        for (int from = 0; from < rows.size(); from += 500) {
            var insert = sql.insertInto(FOREIGN_MUNICIPALITY, FOREIGN_MUNICIPALITY.NAME, FOREIGN_MUNICIPALITY.COUNTRY,
                    FOREIGN_MUNICIPALITY.POPULATION, FOREIGN_MUNICIPALITY.THEMES, FOREIGN_MUNICIPALITY.IMPORTED_BY);
            for (Row row : rows.subList(from, Math.min(rows.size(), from + 500))) {
                insert = insert.values(row.name(), row.country(), row.population(),
                        row.themes().toArray(String[]::new), importedBy);
            }
            insert.onConflict(FOREIGN_MUNICIPALITY.COUNTRY, DSL.lower(FOREIGN_MUNICIPALITY.NAME)).doUpdate()
                    .set(FOREIGN_MUNICIPALITY.NAME, DSL.excluded(FOREIGN_MUNICIPALITY.NAME))
                    .set(FOREIGN_MUNICIPALITY.POPULATION, DSL.excluded(FOREIGN_MUNICIPALITY.POPULATION))
                    .set(FOREIGN_MUNICIPALITY.THEMES, DSL.excluded(FOREIGN_MUNICIPALITY.THEMES))
                    .set(FOREIGN_MUNICIPALITY.IMPORTED_BY, DSL.excluded(FOREIGN_MUNICIPALITY.IMPORTED_BY))
                    .set(FOREIGN_MUNICIPALITY.IMPORTED_AT, DSL.currentOffsetDateTime())
                    .execute();
        }
    }

    static String key(String country, String name) {
        return country + "/" + name.strip().toLowerCase(Locale.ROOT);
    }

    /** One valid row of an import file. */
    record Row(int row, String name, String country, @Nullable Integer population, List<String> themes) {
    }
}
