package eu.koopera.members;

import eu.koopera.audit.AuditAction;
import eu.koopera.audit.TenantAuditLog;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.tabular.Table;
import eu.koopera.platform.tabular.TableFormat;
import eu.koopera.platform.tabular.TableReader;
import eu.koopera.platform.tabular.TableWriter;
import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Imports and exports the member register. An import validates every row first and writes nothing if any row is
 * invalid; otherwise it creates or updates (matched by code) all rows in one transaction, auditing each change.
 */
@Singleton
public class MemberImportService {

    /** Columns of import and export files, in export order. */
    public static final List<String> COLUMNS = List.of("code", "name", "kind", "region", "population", "website");

    private static final Set<String> REQUIRED = Set.of("code", "name");
    private static final Pattern CODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$");
    private static final Pattern WEBSITE = Pattern.compile("^https?://\\S+$");

    private final CallerContext callers;
    private final TableReader reader;
    private final TableWriter writer;
    private final MemberQueries queries;
    private final TenantAuditLog audit;

    public MemberImportService(CallerContext callers, TableReader reader, TableWriter writer, MemberQueries queries,
                               TenantAuditLog audit) {
        this.callers = callers;
        this.reader = reader;
        this.writer = writer;
        this.queries = queries;
        this.audit = audit;
    }

    /**
     * Imports a register file.
     *
     * @param content the file
     * @param format  CSV or XLSX
     * @param dryRun  validate and count only
     * @throws ApiException.Unprocessable with one error per invalid cell, when any row is invalid
     */
    @Transactional
    public ImportResult importFile(byte[] content, TableFormat format, boolean dryRun) {
        Caller caller = callers.requireTenantRole(Roles.ASSOCIATION_ADMIN);
        Table table = reader.read(content, format);
        List<MemberImportRow> rows = validate(table);
        Map<String, MemberResponse> existing = queries.byCodes(rows.stream().map(MemberImportRow::code).toList());
        List<MemberImportRow> creations = rows.stream().filter(row -> !existing.containsKey(row.code())).toList();
        List<MemberImportRow> updates = rows.stream().filter(row -> existing.containsKey(row.code())).toList();
        if (!dryRun) {
            Set<String> present = Set.copyOf(table.columns());
            List<MemberResponse> created = queries.insertImported(creations, LocalDate.now(), caller.username());
            for (MemberResponse member : created) {
                audit.record(AuditAction.CREATE, MemberService.AUDIT_TYPE, member.id(), member.name(), null, member);
            }
            Map<String, MemberResponse> updated = queries.updateImported(updates, present);
            for (MemberImportRow row : updates) {
                MemberResponse before = existing.get(row.code());
                MemberResponse after = updated.get(row.code());
                audit.record(AuditAction.UPDATE, MemberService.AUDIT_TYPE, before.id(), after.name(), before, after);
            }
        }
        return new ImportResult(creations.size(), updates.size(), dryRun);
    }

    /**
     * The whole register, in the import columns, ordered by name in the association's alphabet; for administrators,
     * like the import.
     */
    @Transactional(readOnly = true)
    public byte[] export(TableFormat format) {
        callers.requireTenantRole(Roles.ASSOCIATION_ADMIN);
        List<List<String>> rows = new ArrayList<>();
        for (MemberResponse member : queries.all(new MemberSearch(null, null, null, null, null,
                MemberSearch.SortField.NAME, false))) {
            rows.add(Arrays.asList(member.code(), member.name(), member.kind() == null ? null : member.kind().name(),
                    member.region(), member.population() == null ? null : member.population().toString(),
                    member.website()));
        }
        return writer.write(format, COLUMNS, rows);
    }

    private static List<MemberImportRow> validate(Table table) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (String required : REQUIRED) {
            if (!table.columns().contains(required)) {
                errors.add(Problem.FieldError.cell(1, required, "import.column.missing",
                        "required column is missing"));
            }
        }
        for (String column : table.columns()) {
            if (!column.isEmpty() && !COLUMNS.contains(column)) {
                errors.add(Problem.FieldError.cell(1, column, "import.column.unknown",
                        "unknown column; expected " + COLUMNS, String.join(", ", COLUMNS)));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException.Unprocessable("The header does not match the member columns.", errors);
        }
        if (table.rows().isEmpty()) {
            throw new ApiException.Unprocessable("The file has no data rows.", List.of());
        }
        Map<String, Integer> firstRowOfCode = new HashMap<>();
        List<MemberImportRow> rows = new ArrayList<>();
        for (Table.Row row : table.rows()) {
            int errorsBefore = errors.size();
            String code = row.get("code");
            if (code == null) {
                errors.add(Problem.FieldError.cell(row.number(), "code", "import.empty", "must not be empty"));
            } else if (!CODE.matcher(code).matches()) {
                errors.add(Problem.FieldError.cell(row.number(), "code", "import.code.format",
                        "must be 1 to 32 letters, digits or . _ -, starting with a letter or digit"));
            } else if (firstRowOfCode.putIfAbsent(code, row.number()) != null) {
                errors.add(Problem.FieldError.cell(row.number(), "code", "import.code.duplicate",
                        "duplicate code, also in row " + firstRowOfCode.get(code), firstRowOfCode.get(code)));
            }
            String name = row.get("name");
            if (name == null) {
                errors.add(Problem.FieldError.cell(row.number(), "name", "import.empty", "must not be empty"));
            } else if (name.length() > 200) {
                errors.add(Problem.FieldError.cell(row.number(), "name", "import.tooLong",
                        "must be at most 200 characters", 200));
            }
            MemberKind kind = kind(row, errors);
            String region = row.get("region");
            if (region != null && region.length() > 100) {
                errors.add(Problem.FieldError.cell(row.number(), "region", "import.tooLong",
                        "must be at most 100 characters", 100));
            }
            Integer population = population(row, errors);
            String website = row.get("website");
            if (website != null && (website.length() > 300 || !WEBSITE.matcher(website).matches())) {
                errors.add(Problem.FieldError.cell(row.number(), "website", "import.website",
                        "must be an http(s) address"));
            }
            if (errors.size() == errorsBefore) {
                rows.add(new MemberImportRow(row.number(), code, name, kind, region, population, website));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException.Unprocessable(errors.size() + " problem(s) in the file; nothing was imported.",
                    errors);
        }
        return rows;
    }

    private static MemberKind kind(Table.Row row, List<Problem.FieldError> errors) {
        String value = row.get("kind");
        if (value == null) {
            return null;
        }
        Optional<MemberKind> kind = MemberKind.parse(value);
        if (kind.isEmpty()) {
            errors.add(Problem.FieldError.cell(row.number(), "kind", "import.kind.unknown", "unknown kind '" + value
                    + "'; one of " + Arrays.toString(MemberKind.values()) + " or their names", value));
        }
        return kind.orElse(null);
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
}
