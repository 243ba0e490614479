package eu.koopera.events;

import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.tabular.TableFileTurns;
import eu.koopera.platform.tabular.TableFormat;
import eu.koopera.platform.tabular.TableWriter;
import eu.koopera.platform.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The lists organisers hand out, as CSV or XLSX: participants (with what the caterers and the venue need to know)
 * and the host list (names, municipalities and roles only). Row-level security gives each association the names
 * and needs of its own registrants only, so another association's rows carry their municipality and role with
 * the name left empty: each co-organiser exports its own part.
 */
@Singleton
public class EventExportService {

    static final List<String> PARTICIPANT_COLUMNS = List.of("association", "municipality", "role", "status", "name",
            "email", "language", "dietary_needs", "accessibility_needs", "registered_at");
    static final List<String> HOST_COLUMNS = List.of("name", "municipality", "role", "association");

    private final CallerContext callers;
    private final EventAccess access;
    private final RegistrationQueries registrations;
    private final TableWriter writer;
    private final TableFileTurns turns;
    private final TransactionOperations<Connection> transactions;

    public EventExportService(CallerContext callers, EventAccess access, RegistrationQueries registrations,
                              TableWriter writer, TableFileTurns turns, TransactionOperations<Connection> transactions) {
        this.turns = turns;
        this.transactions = transactions;
        this.callers = callers;
        this.access = access;
        this.registrations = registrations;
        this.writer = writer;
    }

    /** The registrations with {@code status} (CONFIRMED when null), by association, municipality and name. */
    public byte[] participants(UUID eventId, @Nullable RegistrationStatus status, TableFormat format) {
        return inTurn(eventId, status == null ? RegistrationStatus.CONFIRMED : status,
                rows -> writer.write(format, PARTICIPANT_COLUMNS, participantCells(rows)));
    }

    private static List<List<String>> participantCells(List<RegistrationResponse> rows) {
        List<List<String>> cells = new ArrayList<>();
        for (RegistrationResponse row : rows) {
            PersonalDetails person = row.person();
            cells.add(List.of(row.tenant(), row.memberName(), row.role().name(), row.status().name(),
                    person == null ? "" : person.fullName(), person == null || person.email() == null ? ""
                            : person.email(), person == null ? "" : person.language(),
                    person == null || person.dietaryNeeds() == null ? "" : person.dietaryNeeds(),
                    person == null || person.accessibilityNeeds() == null ? "" : person.accessibilityNeeds(),
                    row.registeredAt().toString()));
        }
        return cells;
    }

    /** The confirmed participants for the host: names, municipalities and roles only. */
    public byte[] hostList(UUID eventId, TableFormat format) {
        return inTurn(eventId, RegistrationStatus.CONFIRMED, rows -> writer.write(format, HOST_COLUMNS,
                rows.stream().map(row -> List.of(row.person() == null ? "" : row.person().fullName(),
                        row.memberName(), row.role().name(), row.tenant())).toList()));
    }

    /**
     * Reads the rows in a short read-only transaction and writes the file after its connection went back to the
     * pool, in one of the caller's association's turns for files.
     */
    private byte[] inTurn(UUID eventId, RegistrationStatus status, Function<List<RegistrationResponse>, byte[]> file) {
        Caller caller = callers.requireTenantUser();
        if (!EventAccess.isStaff(caller)) {
            throw new ApiException.Forbidden("Only administrators and coordinators export lists.")
                    .withCode("event.staff-only");
        }
        return turns.inTurn(caller.tenantCode(), () -> {
            List<RegistrationResponse> rows = transactions.executeRead(
                    transaction -> rows(eventId, status, caller));
            return turns.compute(() -> file.apply(rows));
        });
    }

    private List<RegistrationResponse> rows(UUID eventId, RegistrationStatus status, Caller caller) {
        access.visible(eventId, caller);
        List<RegistrationResponse> rows = new ArrayList<>(registrations.ofEvent(eventId, status));
        rows.sort(Comparator.comparing(RegistrationResponse::tenant).thenComparing(RegistrationResponse::memberName)
                .thenComparing(row -> row.person() == null ? "" : row.person().fullName()));
        return rows;
    }
}
