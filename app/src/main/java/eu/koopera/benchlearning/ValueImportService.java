package eu.koopera.benchlearning;

import eu.koopera.audit.AuditAction;
import eu.koopera.audit.AuditMessage;
import eu.koopera.audit.TenantAuditLog;
import eu.koopera.members.MemberResponse;
import eu.koopera.members.MemberService;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.tabular.Table;
import eu.koopera.platform.tabular.TableFileTurns;
import eu.koopera.platform.tabular.TableFormat;
import eu.koopera.platform.tabular.TableReader;
import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Imports indicator values, all or nothing: every cell is checked first (indicator and municipality known, year in
 * 1990–2100, a number, no value twice in the file, a gender only where the indicator is split by gender) and nothing
 * is written while any cell is wrong. Re-imported values update the stored ones; each value names the import that
 * last wrote it, every change of an existing value is kept in the value history with the value before it, and the
 * audit log gets one entry per import.
 */
@Singleton
public class ValueImportService {

    static final String AUDIT_TYPE = "indicator-values";
    static final int FIRST_YEAR = 1990;
    static final int LAST_YEAR = 2100;

    private static final List<String> LONG_COLUMNS = List.of("indicator", "municipality", "year", "gender", "value",
            "status", "source");
    private static final List<String> WIDE_FIXED = List.of("indicator", "municipality", "gender", "status", "source");
    private static final Pattern YEAR_COLUMN = Pattern.compile("^\\d{4}$");
    private static final Pattern NUMBER = Pattern.compile("^[+-]?(\\d+([.,]\\d*)?|[.,]\\d+)([eE][+-]?\\d{1,3})?$");

    private final CallerContext callers;
    private final TableReader reader;
    private final IndicatorQueries indicators;
    private final ValueQueries values;
    private final MemberService members;
    private final TenantAuditLog audit;
    private final TableFileTurns turns;
    private final TransactionOperations<Connection> transactions;

    public ValueImportService(CallerContext callers, TableReader reader, IndicatorQueries indicators,
                              ValueQueries values, MemberService members, TenantAuditLog audit,
                              TableFileTurns turns, TransactionOperations<Connection> transactions) {
        this.callers = callers;
        this.turns = turns;
        this.transactions = transactions;
        this.reader = reader;
        this.indicators = indicators;
        this.values = values;
        this.members = members;
        this.audit = audit;
    }

    /**
     * Imports a file of values.
     *
     * @param content the file
     * @param format  CSV or XLSX
     * @param layout  long (a value per row) or wide (a column per year)
     * @param dryRun  check and count only
     * @throws ApiException.Unprocessable with one error per wrong cell, when any is wrong
     */
    public ValueImportResult importFile(byte[] content, TableFormat format, ValueFormat layout, boolean dryRun) {
        Caller caller = callers.requireTenantRole(Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR);
        return turns.inTurn(caller.tenantCode(), () -> {
            // the file is parsed and its cells checked before a connection is taken: a slow or hostile file holds
            // none; codes are then resolved and the values written in one transaction
            Table table = turns.compute(() -> reader.read(content, format));
            List<Problem.FieldError> errors = new ArrayList<>();
            List<Cell> cells = layout == ValueFormat.LONG ? longCells(table, errors) : wideCells(table, errors);
            return transactions.executeWrite(status -> {
                List<ValueRow> rows = resolve(cells, errors);
                failOn(errors);
                return write(caller, rows, dryRun);
            });
        });
    }

    private ValueImportResult write(Caller caller, List<ValueRow> rows, boolean dryRun) {
        ValueQueries.Outcome outcome = dryRun ? values.preview(rows)
                : values.upsert(rows, UUID.randomUUID(), caller.username());
        if (!dryRun && outcome.created() + outcome.updated() > 0) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("created", outcome.created());
            summary.put("updated", outcome.updated());
            summary.put("unchanged", outcome.unchanged());
            summary.put("importId", outcome.importId());
            summary.put("indicators", rows.stream().map(ValueRow::indicator).distinct().sorted().toList());
            // every value written before the audit entry, which holds the log's chain head to the commit
            audit.record(AuditAction.UPDATE, AUDIT_TYPE, outcome.importId(), new AuditMessage(
                    "indicator_values.imported", outcome.created() + " values created, " + outcome.updated()
                    + " changed", Map.of("created", Integer.toString(outcome.created()),
                    "updated", Integer.toString(outcome.updated()))), null, summary);
        }
        return new ValueImportResult(outcome.created(), outcome.updated(), outcome.unchanged(), dryRun);
    }

    /** A value as the file gives it, with where it stands, before codes are resolved. */
    private record Cell(int row, String yearColumn, String indicator, String municipality, int year,
                        @Nullable String gender, BigDecimal value, ValueStatus status, @Nullable String source) {
    }

    /** The cells of a long file; wrong cells are added to {@code errors}, the header checked first. */
    private List<Cell> longCells(Table table, List<Problem.FieldError> errors) {
        for (String required : List.of("indicator", "municipality", "year", "value")) {
            if (!table.columns().contains(required)) {
                errors.add(Problem.FieldError.cell(1, required, "import.column.missing",
                        "required column is missing"));
            }
        }
        for (String column : table.columns()) {
            if (!column.isEmpty() && !LONG_COLUMNS.contains(column)) {
                errors.add(Problem.FieldError.cell(1, column, "import.column.unknown",
                        "unknown column; expected " + LONG_COLUMNS, String.join(", ", LONG_COLUMNS)));
            }
        }
        headerOk(table, errors);
        List<Cell> cells = new ArrayList<>();
        for (Table.Row row : table.rows()) {
            int before = errors.size();
            String indicator = required(row, "indicator", errors);
            String municipality = required(row, "municipality", errors);
            Integer year = year(row.number(), "year", row.get("year"), errors);
            String gender = gender(row, errors);
            BigDecimal value = number(row.number(), "value", row.get("value"), true, errors);
            ValueStatus status = status(row, errors);
            String source = source(row, errors);
            if (errors.size() == before) {
                cells.add(new Cell(row.number(), "year", indicator, municipality, year, gender, value, status,
                        source));
            }
        }
        return cells;
    }

    /** The cells of a wide file; wrong cells are added to {@code errors}, the header checked first. */
    private List<Cell> wideCells(Table table, List<Problem.FieldError> errors) {
        for (String required : List.of("indicator", "municipality")) {
            if (!table.columns().contains(required)) {
                errors.add(Problem.FieldError.cell(1, required, "import.column.missing",
                        "required column is missing"));
            }
        }
        Map<String, Integer> years = new LinkedHashMap<>();
        for (String column : table.columns()) {
            if (column.isEmpty() || WIDE_FIXED.contains(column)) {
                continue;
            }
            if (YEAR_COLUMN.matcher(column).matches()) {
                Integer year = year(1, column, column, errors);
                if (year != null) {
                    years.put(column, year);
                }
            } else {
                errors.add(Problem.FieldError.cell(1, column, "import.column.unknown",
                        "unknown column; expected " + WIDE_FIXED + " and years", String.join(", ", WIDE_FIXED)));
            }
        }
        if (errors.isEmpty() && years.isEmpty()) {
            errors.add(Problem.FieldError.cell(1, "", "import.years.missing", "no year columns (such as 2024)"));
        }
        headerOk(table, errors);
        List<Cell> cells = new ArrayList<>();
        for (Table.Row row : table.rows()) {
            int before = errors.size();
            String indicator = required(row, "indicator", errors);
            String municipality = required(row, "municipality", errors);
            String gender = gender(row, errors);
            ValueStatus status = status(row, errors);
            String source = source(row, errors);
            List<Cell> rowCells = new ArrayList<>();
            for (Map.Entry<String, Integer> year : years.entrySet()) {
                BigDecimal value = number(row.number(), year.getKey(), row.get(year.getKey()), false, errors);
                if (value != null) {
                    rowCells.add(new Cell(row.number(), year.getKey(), indicator, municipality, year.getValue(),
                            gender, value, status, source));
                }
            }
            if (errors.size() == before) {
                cells.addAll(rowCells);
            }
        }
        return cells;
    }

    /** Codes resolved to the catalogue and the register; duplicates and misplaced genders refused. */
    private List<ValueRow> resolve(List<Cell> cells, List<Problem.FieldError> errors) {
        Map<String, Indicator> known = indicators.byCodes(cells.stream().map(Cell::indicator).distinct().toList());
        Map<String, MemberResponse> register = members.byCodes(
                cells.stream().map(Cell::municipality).distinct().toList());
        Map<String, Integer> firstRow = new HashMap<>();
        Set<String> reportedIndicators = new HashSet<>();
        Set<String> reportedMembers = new HashSet<>();
        List<ValueRow> rows = new ArrayList<>(cells.size());
        for (Cell cell : cells) {
            int before = errors.size();
            Indicator indicator = known.get(cell.indicator());
            if (indicator == null) {
                if (reportedIndicators.add(cell.row() + "/" + cell.indicator())) {
                    errors.add(Problem.FieldError.cell(cell.row(), "indicator", "import.indicator.unknown",
                            "unknown indicator '" + cell.indicator() + "'", cell.indicator()));
                }
            }
            MemberResponse member = register.get(cell.municipality());
            if (member == null) {
                if (reportedMembers.add(cell.row() + "/" + cell.municipality())) {
                    errors.add(Problem.FieldError.cell(cell.row(), "municipality", "import.municipality.unknown",
                            "no member with code '" + cell.municipality() + "'", cell.municipality()));
                }
            }
            String gender = cell.gender() == null ? "T" : cell.gender();
            if (indicator != null && !indicator.genderSplit() && !"T".equals(gender)) {
                errors.add(Problem.FieldError.cell(cell.row(), "gender", "import.gender.notSplit",
                        "the indicator has no values by gender; leave empty or T", cell.indicator()));
            }
            if (errors.size() == before) {
                String key = indicator.code() + "|" + member.id() + "|" + cell.year() + "|" + gender;
                Integer earlier = firstRow.putIfAbsent(key, cell.row());
                if (earlier != null) {
                    errors.add(Problem.FieldError.cell(cell.row(), cell.yearColumn(), "import.value.duplicate",
                            "this value is also in row " + earlier, earlier));
                } else {
                    rows.add(new ValueRow(indicator.code(), member.id(), cell.year(), gender, cell.value(),
                            cell.status(), cell.source()));
                }
            }
        }
        return rows;
    }

    private static void headerOk(Table table, List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ApiException.Unprocessable("The header does not match the value columns.", errors);
        }
        if (table.rows().isEmpty()) {
            throw new ApiException.Unprocessable("The file has no data rows.", List.of());
        }
    }

    private static void failOn(List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ApiException.Unprocessable(errors.size() + " problem(s) in the file; nothing was imported.",
                    errors);
        }
    }

    private static @Nullable String required(Table.Row row, String column, List<Problem.FieldError> errors) {
        String value = row.get(column);
        if (value == null) {
            errors.add(Problem.FieldError.cell(row.number(), column, "import.empty", "must not be empty"));
        } else if (value.length() > 40) {
            errors.add(Problem.FieldError.cell(row.number(), column, "import.tooLong",
                    "must be at most 40 characters", 40));
        }
        return value;
    }

    private static @Nullable Integer year(int row, String column, @Nullable String text,
                                          List<Problem.FieldError> errors) {
        if (text == null) {
            errors.add(Problem.FieldError.cell(row, column, "import.empty", "must not be empty"));
            return null;
        }
        try {
            int year = Integer.parseInt(text.strip());
            if (year < FIRST_YEAR || year > LAST_YEAR) {
                errors.add(Problem.FieldError.cell(row, column, "import.year.range",
                        "must be a year from " + FIRST_YEAR + " to " + LAST_YEAR, FIRST_YEAR, LAST_YEAR));
                return null;
            }
            return year;
        } catch (NumberFormatException e) {
            errors.add(Problem.FieldError.cell(row, column, "import.wholeNumber", "must be a whole number", text));
            return null;
        }
    }

    private static @Nullable String gender(Table.Row row, List<Problem.FieldError> errors) {
        String value = row.get("gender");
        if (value == null) {
            return null;
        }
        String gender = value.toUpperCase(Locale.ROOT);
        if (!Set.of("T", "F", "M").contains(gender)) {
            errors.add(Problem.FieldError.cell(row.number(), "gender", "import.gender.unknown",
                    "must be T (total), F or M", value));
            return null;
        }
        return gender;
    }

    /** A decimal number; a comma may stand for the decimal point, spaces may group thousands. */
    static @Nullable BigDecimal number(int row, String column, @Nullable String text, boolean required,
                                       List<Problem.FieldError> errors) {
        if (text == null) {
            if (required) {
                errors.add(Problem.FieldError.cell(row, column, "import.empty", "must not be empty"));
            }
            return null;
        }
        String compact = text.replace(" ", "").replace("\u00A0", "").replace("\u202F", "");
        if (compact.length() > 40 || !NUMBER.matcher(compact).matches()) {
            errors.add(Problem.FieldError.cell(row, column, "import.number", "must be a number", text));
            return null;
        }
        return new BigDecimal(compact.replace(',', '.'));
    }

    private static ValueStatus status(Table.Row row, List<Problem.FieldError> errors) {
        String value = row.get("status");
        if (value == null) {
            return ValueStatus.FINAL;
        }
        try {
            return ValueStatus.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(Problem.FieldError.cell(row.number(), "status", "import.valueStatus.unknown",
                    "must be PRELIMINARY or FINAL", value));
            return ValueStatus.FINAL;
        }
    }

    private static @Nullable String source(Table.Row row, List<Problem.FieldError> errors) {
        String value = row.get("source");
        if (value != null && value.length() > 300) {
            errors.add(Problem.FieldError.cell(row.number(), "source", "import.tooLong",
                    "must be at most 300 characters", 300));
        }
        return value;
    }
}
