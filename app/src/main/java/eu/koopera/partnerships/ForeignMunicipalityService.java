package eu.koopera.partnerships;

import eu.koopera.audit.AuditAction;
import eu.koopera.audit.AuditMessage;
import eu.koopera.audit.TenantAuditLog;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.tabular.Table;
import eu.koopera.platform.tabular.TableFileTurns;
import eu.koopera.platform.tabular.TableFormat;
import eu.koopera.platform.tabular.TableReader;
import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The association's list of foreign municipalities that partner search offers, imported from a file with the
 * columns {@code name;country;population;themes} (themes separated by commas). An import checks every row first and
 * writes nothing if any row is wrong, reporting each wrong cell; a row naming a municipality already listed (same
 * country, name without case) updates its population and themes.
 */
@Singleton
public class ForeignMunicipalityService {

    /** The columns of an import file, in order. */
    public static final List<String> COLUMNS = List.of("name", "country", "population", "themes");
    static final String AUDIT_TYPE = "foreign_municipality";
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final CallerContext callers;
    private final TableReader reader;
    private final ForeignMunicipalityQueries queries;
    private final TenantAuditLog audit;
    private final TableFileTurns turns;
    private final TransactionOperations<Connection> transactions;

    public ForeignMunicipalityService(CallerContext callers, TableReader reader, ForeignMunicipalityQueries queries,
                                      TenantAuditLog audit, TableFileTurns turns,
                                      TransactionOperations<Connection> transactions) {
        this.callers = callers;
        this.reader = reader;
        this.queries = queries;
        this.audit = audit;
        this.turns = turns;
        this.transactions = transactions;
    }

    /** The list, by country and name. */
    @Transactional(readOnly = true)
    public List<ImportedMunicipality> all() {
        callers.requireTenantUser();
        return queries.all();
    }

    /**
     * Imports a file of foreign municipalities; administrators and network coordinators only.
     *
     * @throws ApiException.Unprocessable with one error per wrong cell, when any row is wrong
     */
    public ForeignImportResult importFile(byte[] content, TableFormat format, boolean dryRun) {
        Caller caller = callers.requireTenantRole(Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR);
        return turns.inTurn(caller.tenantCode(), () -> {
            Table table = turns.compute(() -> reader.read(content, format));
            List<ForeignMunicipalityQueries.Row> rows = validate(table);
            return transactions.executeWrite(status -> write(caller, rows, dryRun));
        });
    }

    private ForeignImportResult write(Caller caller, List<ForeignMunicipalityQueries.Row> rows, boolean dryRun) {
        Set<String> existing = queries.keys();
        int updated = (int) rows.stream()
                .filter(row -> existing.contains(ForeignMunicipalityQueries.key(row.country(), row.name()))).count();
        ForeignImportResult result = new ForeignImportResult(rows.size() - updated, updated, dryRun);
        if (!dryRun) {
            queries.upsert(rows, caller.username());
            audit.record(AuditAction.UPDATE, AUDIT_TYPE, caller.tenantCode(), AuditMessage.named(
                    "foreign_municipality.imported",
                    "Imported " + rows.size() + " foreign municipalities", String.valueOf(rows.size())), null, result);
        }
        return result;
    }

    private static List<ForeignMunicipalityQueries.Row> validate(Table table) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (String required : List.of("name", "country")) {
            if (!table.columns().contains(required)) {
                errors.add(Problem.FieldError.cell(1, required, "import.column.missing", "required column is missing"));
            }
        }
        for (String column : table.columns()) {
            if (!column.isEmpty() && !COLUMNS.contains(column)) {
                errors.add(Problem.FieldError.cell(1, column, "import.column.unknown",
                        "unknown column; expected " + COLUMNS, String.join(", ", COLUMNS)));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException.Unprocessable("The header does not match the foreign municipality columns.",
                    errors).withCode("import.header");
        }
        if (table.rows().isEmpty()) {
            throw new ApiException.Unprocessable("The file has no data rows.", List.of()).withCode("import.no-rows");
        }
        Map<String, Integer> firstRow = new HashMap<>();
        List<ForeignMunicipalityQueries.Row> rows = new ArrayList<>();
        for (Table.Row row : table.rows()) {
            int errorsBefore = errors.size();
            String name = row.get("name");
            if (name == null) {
                errors.add(Problem.FieldError.cell(row.number(), "name", "import.empty", "must not be empty"));
            } else if (name.length() > 200) {
                errors.add(Problem.FieldError.cell(row.number(), "name", "import.tooLong",
                        "must be at most 200 characters", 200));
            }
            String country = row.get("country") == null ? null : row.get("country").toUpperCase(Locale.ROOT);
            if (country == null) {
                errors.add(Problem.FieldError.cell(row.number(), "country", "import.empty", "must not be empty"));
            } else if (!COUNTRIES.contains(country)) {
                errors.add(Problem.FieldError.cell(row.number(), "country", "import.country",
                        "must be an ISO 3166-1 alpha-2 country code", country));
            }
            if (name != null && country != null
                    && firstRow.putIfAbsent(ForeignMunicipalityQueries.key(country, name), row.number()) != null) {
                int first = firstRow.get(ForeignMunicipalityQueries.key(country, name));
                errors.add(Problem.FieldError.cell(row.number(), "name", "import.duplicate",
                        "the same municipality is also in row " + first, first));
            }
            Integer population = population(row, errors);
            List<String> themes = themes(row, errors);
            if (errors.size() == errorsBefore) {
                rows.add(new ForeignMunicipalityQueries.Row(row.number(), name, country, population, themes));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException.Unprocessable(errors.size() + " problem(s) in the file; nothing was imported.",
                    errors).withCode("import.rows");
        }
        return rows;
    }

    private static Integer population(Table.Row row, List<Problem.FieldError> errors) {
        String value = row.get("population");
        if (value == null) {
            return null;
        }
        try {
            int population = Integer.parseInt(value.replace(" ", "").replace("\u00A0", ""));
            if (population < 0 || population > 100_000_000) {
                errors.add(Problem.FieldError.cell(row.number(), "population", "import.population.range",
                        "must be between 0 and 100000000", 0, 100_000_000));
            }
            return population;
        } catch (NumberFormatException e) {
            errors.add(Problem.FieldError.cell(row.number(), "population", "import.wholeNumber",
                    "must be a whole number", value));
            return null;
        }
    }

    private static List<String> themes(Table.Row row, List<Problem.FieldError> errors) {
        String value = row.get("themes");
        if (value == null) {
            return List.of();
        }
        List<String> themes = Arrays.stream(value.split(",")).map(String::strip).filter(t -> !t.isEmpty())
                .distinct().toList();
        if (themes.size() > 20 || themes.stream().anyMatch(theme -> theme.length() > 100)) {
            errors.add(Problem.FieldError.cell(row.number(), "themes", "import.themes",
                    "at most 20 themes of at most 100 characters each", 20, 100));
        }
        return themes;
    }
}
