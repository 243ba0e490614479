package eu.koopera.people;

import eu.koopera.members.MemberResponse;
import eu.koopera.members.MemberService;
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
import eu.koopera.platform.tabular.TableWriter;
import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Imports and exports people. An import validates every row first and writes nothing if any row is invalid;
 * otherwise it creates people, or updates the person with the same email (regardless of case), all in one
 * transaction, auditing each change. Rows without an email always create a new person.
 */
@Singleton
public class PeopleImportService {

    /** Columns of import and export files, in export order. */
    public static final List<String> COLUMNS = List.of("member_code", "first_name", "last_name", "position", "email",
            "phone", "languages");

    private static final List<String> REQUIRED = List.of("member_code", "first_name", "last_name");

    private final CallerContext callers;
    private final TableReader reader;
    private final TableWriter writer;
    private final PeopleQueries queries;
    private final MemberService members;
    private final TenantAuditLog audit;
    private final TableFileTurns turns;
    private final TransactionOperations<Connection> transactions;

    public PeopleImportService(CallerContext callers, TableReader reader, TableWriter writer, PeopleQueries queries,
                               MemberService members, TenantAuditLog audit, TableFileTurns turns,
                               TransactionOperations<Connection> transactions) {
        this.turns = turns;
        this.transactions = transactions;
        this.callers = callers;
        this.reader = reader;
        this.writer = writer;
        this.queries = queries;
        this.members = members;
        this.audit = audit;
    }

    /**
     * Imports a people file.
     *
     * @param content the file
     * @param format  CSV or XLSX
     * @param dryRun  validate and count only
     * @throws ApiException.Unprocessable with one error per invalid cell, when any row is invalid
     */
    public PeopleImportResult importFile(byte[] content, TableFormat format, boolean dryRun) {
        Caller caller = callers.requireTenantRole(Roles.ASSOCIATION_ADMIN);
        return turns.inTurn(caller.tenantCode(), () -> {
            // the file is parsed before a connection is taken: a slow or hostile file holds none
            Table table = turns.compute(() -> reader.read(content, format));
            checkHeader(table);
            return transactions.executeWrite(status -> importTable(table, dryRun));
        });
    }

    private PeopleImportResult importTable(Table table, boolean dryRun) {
        Map<String, Long> memberIds = members.byCodes(table.rows().stream().map(row -> row.get("member_code"))
                        .filter(Objects::nonNull).collect(Collectors.toSet())).values().stream()
                .collect(Collectors.toMap(MemberResponse::code, MemberResponse::id));
        List<PersonImportRow> rows = validate(table, memberIds);
        Map<String, PersonResponse> existing = queries.byEmails(rows.stream().map(PersonImportRow::email)
                .filter(Objects::nonNull).map(email -> email.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()));
        List<PersonImportRow> creations = new ArrayList<>();
        List<PersonImportRow> updates = new ArrayList<>();
        for (PersonImportRow row : rows) {
            PersonResponse match = row.email() == null ? null : existing.get(row.email().toLowerCase(Locale.ROOT));
            if (match == null) {
                creations.add(row);
            } else {
                updates.add(row.updating(match.id()));
            }
        }
        if (!dryRun) {
            write(creations, updates, existing, Set.copyOf(table.columns()));
        }
        return new PeopleImportResult(creations.size(), updates.size(), dryRun);
    }

    /**
     * Everyone, in the import columns, ordered by member code and name. The rows are read in a short read-only
     * transaction and the file is written after its connection went back to the pool.
     */
    public byte[] export(TableFormat format) {
        Caller caller = callers.requireTenantRole(Roles.ASSOCIATION_ADMIN);
        return turns.inTurn(caller.tenantCode(), () -> {
            List<List<String>> rows = transactions.executeRead(status -> {
                List<List<String>> read = new ArrayList<>();
                for (PersonResponse person : queries.all()) {
                    read.add(java.util.Arrays.asList(person.memberCode(), person.firstName(), person.lastName(),
                            person.position(), person.email(), person.phone(),
                            String.join(", ", person.languages())));
                }
                return read;
            });
            return turns.compute(() -> writer.write(format, COLUMNS, rows));
        });
    }

    private void write(List<PersonImportRow> creations, List<PersonImportRow> updates,
                       Map<String, PersonResponse> existing, Set<String> columns) {
        List<Long> createdIds = queries.insertImported(creations);
        // every row written before the first audit entry, which holds the log's chain head to the commit
        queries.updateImported(updates, columns);
        if (!createdIds.isEmpty()) {
            for (PersonResponse person : queries.byIds(createdIds)) {
                audit.record(AuditAction.CREATE, PeopleService.AUDIT_TYPE, person.id(),
                        AuditMessage.named("person.imported", person.fullName(), person.fullName()), null, person);
            }
        }
        if (!updates.isEmpty()) {
            Map<Long, PersonResponse> before = existing.values().stream()
                    .collect(Collectors.toMap(PersonResponse::id, Function.identity()));
            for (PersonResponse after : queries.byIds(updates.stream().map(PersonImportRow::id).toList())) {
                audit.record(AuditAction.UPDATE, PeopleService.AUDIT_TYPE, after.id(),
                        AuditMessage.named("person.import_updated", after.fullName(), after.fullName()),
                        before.get(after.id()), after);
            }
        }
    }

    private static void checkHeader(Table table) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (String required : REQUIRED) {
            if (!table.columns().contains(required)) {
                errors.add(Problem.FieldError.cell(1, required, "required column is missing"));
            }
        }
        for (String column : table.columns()) {
            if (!column.isEmpty() && !COLUMNS.contains(column)) {
                errors.add(Problem.FieldError.cell(1, column, "unknown column; expected " + COLUMNS));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException.Unprocessable("The header does not match the people columns.", errors)
                    .withCode("import.header");
        }
        if (table.rows().isEmpty()) {
            throw new ApiException.Unprocessable("The file has no data rows.", List.of()).withCode("import.no-rows");
        }
    }

    private static List<PersonImportRow> validate(Table table, Map<String, Long> memberIds) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, Integer> firstRowOfEmail = new HashMap<>();
        List<PersonImportRow> rows = new ArrayList<>();
        for (Table.Row row : table.rows()) {
            int errorsBefore = errors.size();
            String code = row.get("member_code");
            Long memberId = code == null ? null : memberIds.get(code);
            if (code == null) {
                errors.add(Problem.FieldError.cell(row.number(), "member_code", "must not be empty"));
            } else if (memberId == null) {
                errors.add(Problem.FieldError.cell(row.number(), "member_code", "no member with code '"
                        + abbreviate(code) + "'"));
            }
            String firstName = required(row, "first_name", 100, errors);
            String lastName = required(row, "last_name", 100, errors);
            String position = row.get("position");
            if (position != null && position.length() > 200) {
                errors.add(Problem.FieldError.cell(row.number(), "position", "must be at most 200 characters"));
            }
            String email = row.get("email");
            if (email != null) {
                if (!ContactRules.isEmail(email)) {
                    errors.add(Problem.FieldError.cell(row.number(), "email", ContactRules.EMAIL_MESSAGE));
                } else {
                    Integer first = firstRowOfEmail.putIfAbsent(email.toLowerCase(Locale.ROOT), row.number());
                    if (first != null) {
                        errors.add(Problem.FieldError.cell(row.number(), "email", "duplicate email, also in row "
                                + first));
                    }
                }
            }
            String phone = row.get("phone");
            if (phone != null && !ContactRules.isPhone(phone)) {
                errors.add(Problem.FieldError.cell(row.number(), "phone", ContactRules.PHONE_MESSAGE));
            }
            List<String> languages = null;
            if (row.get("languages") != null) {
                languages = ContactRules.normalizeLanguages(ContactRules.splitLanguages(row.get("languages")));
                String problem = ContactRules.languageProblem(languages);
                if (problem != null) {
                    errors.add(Problem.FieldError.cell(row.number(), "languages", abbreviate(problem)));
                }
            }
            if (errors.size() == errorsBefore) {
                rows.add(new PersonImportRow(row.number(), null, memberId, firstName, lastName, position, email,
                        phone, languages));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException.Unprocessable(errors.size() + " problem(s) in the file; nothing was imported.",
                    errors).withCode("import.rows");
        }
        return rows;
    }

    private static String required(Table.Row row, String column, int maxLength, List<Problem.FieldError> errors) {
        String value = row.get(column);
        if (value == null) {
            errors.add(Problem.FieldError.cell(row.number(), column, "must not be empty"));
        } else if (value.length() > maxLength) {
            errors.add(Problem.FieldError.cell(row.number(), column, "must be at most " + maxLength + " characters"));
        }
        return value;
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }
}
