package eu.koopera.events;

import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Attendance recorded on site: any organiser's staff checks a confirmed participant in for a day of the event,
 * whichever association registered them; every organiser's staff reads the check-in list, with names of its own
 * registrants only.
 */
@Singleton
public class AttendanceService {

    private final CallerContext callers;
    private final EventAccess access;
    private final RegistrationQueries registrations;
    private final AttendanceQueries attendance;

    public AttendanceService(CallerContext callers, EventAccess access, RegistrationQueries registrations,
                             AttendanceQueries attendance) {
        this.callers = callers;
        this.access = access;
        this.registrations = registrations;
        this.attendance = attendance;
    }

    /**
     * Checks a participant in for a day; checking in twice changes nothing.
     *
     * @throws ApiException.BadRequest when the day is not one of the event's
     * @throws ApiException.Conflict   when the registration is not confirmed ({@code registration.not-confirmed})
     */
    @Transactional
    public AttendanceRow checkIn(UUID registrationId, CheckInCommand command) {
        Caller caller = requireStaff();
        RegistrationQueries.Seat seat = registrations.find(registrationId)
                .orElseThrow(RegistrationService::notFound);
        EventResponse event = access.visible(seat.eventId(), caller);
        if (!days(event).contains(command.day())) {
            throw new ApiException.BadRequest("The day is not one of the event's days.",
                    List.of(new Problem.FieldError("day", "must be a day of the event")));
        }
        if (seat.status() != RegistrationStatus.CONFIRMED) {
            throw new ApiException.Conflict("Only confirmed participants are checked in.")
                    .withCode("registration.not-confirmed");
        }
        attendance.checkIn(registrationId, event.id(), command.day(), caller.tenantCode(), caller.username());
        return sheet(event).rows().stream().filter(row -> row.registrationId().equals(registrationId)).findFirst()
                .orElseThrow(RegistrationService::notFound);
    }

    /** The check-in list of an event. */
    @Transactional(readOnly = true)
    public AttendanceSheet sheet(UUID eventId) {
        return sheet(access.visible(eventId, requireStaff()));
    }

    private AttendanceSheet sheet(EventResponse event) {
        Map<UUID, List<LocalDate>> present = attendance.days(event.id());
        List<LocalDate> days = days(event);
        Map<LocalDate, Integer> totals = new LinkedHashMap<>();
        days.forEach(day -> totals.put(day, 0));
        List<AttendanceRow> rows = new ArrayList<>();
        for (RegistrationResponse registration : registrations.ofEvent(event.id(), RegistrationStatus.CONFIRMED)) {
            List<LocalDate> there = present.getOrDefault(registration.id(), List.of());
            there.forEach(day -> totals.merge(day, 1, Integer::sum));
            rows.add(new AttendanceRow(registration.id(), registration.tenant(), registration.memberName(),
                    registration.role(), registration.person() == null ? null : registration.person().fullName(),
                    there));
        }
        rows.sort(Comparator.comparing(AttendanceRow::tenant).thenComparing(AttendanceRow::memberName));
        return new AttendanceSheet(days, totals, rows);
    }

    static List<LocalDate> days(EventResponse event) {
        return event.startsAt().toLocalDate().datesUntil(event.endsAt().toLocalDate().plusDays(1)).toList();
    }

    private Caller requireStaff() {
        Caller caller = callers.requireTenantUser();
        if (!EventAccess.isStaff(caller)) {
            throw new ApiException.Forbidden("Only administrators and coordinators run check-in and lists.")
                    .withCode("event.staff-only");
        }
        return caller;
    }
}
