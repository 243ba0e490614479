package eu.koopera.events;

import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.tabular.TableFormat;
import eu.koopera.platform.tabular.TableWriter;
import eu.koopera.platform.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

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

    public EventExportService(CallerContext callers, EventAccess access, RegistrationQueries registrations,
                              TableWriter writer) {
        this.callers = callers;
        this.access = access;
        this.registrations = registrations;
        this.writer = writer;
    }

    /** The registrations with {@code status} (CONFIRMED when null), by association, municipality and name. */
    @Transactional(readOnly = true)
    public byte[] participants(UUID eventId, @Nullable RegistrationStatus status, TableFormat format) {
        List<RegistrationResponse> rows = rows(eventId, status == null ? RegistrationStatus.CONFIRMED : status);
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
        return writer.write(format, PARTICIPANT_COLUMNS, cells);
    }

    /** The confirmed participants for the host: names, municipalities and roles only. */
    @Transactional(readOnly = true)
    public byte[] hostList(UUID eventId, TableFormat format) {
        List<List<String>> cells = rows(eventId, RegistrationStatus.CONFIRMED).stream()
                .map(row -> List.of(row.person() == null ? "" : row.person().fullName(), row.memberName(),
                        row.role().name(), row.tenant())).toList();
        return writer.write(format, HOST_COLUMNS, cells);
    }

    private List<RegistrationResponse> rows(UUID eventId, RegistrationStatus status) {
        Caller caller = callers.requireTenantUser();
        if (!EventAccess.isStaff(caller)) {
            throw new ApiException.Forbidden("Only administrators and coordinators export lists.")
                    .withCode("event.staff-only");
        }
        access.visible(eventId, caller);
        List<RegistrationResponse> rows = new ArrayList<>(registrations.ofEvent(eventId, status));
        rows.sort(Comparator.comparing(RegistrationResponse::tenant).thenComparing(RegistrationResponse::memberName)
                .thenComparing(row -> row.person() == null ? "" : row.person().fullName()));
        return rows;
    }
}
