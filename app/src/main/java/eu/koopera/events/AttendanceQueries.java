package eu.koopera.events;

import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static eu.koopera.jooq.shared.Tables.EVENT_ATTENDANCE;

/** Check-ins, per registration and day, seen and recorded by every organiser. */
@Singleton
class AttendanceQueries {

    private final DSLContext sql;

    AttendanceQueries(DSLContext sql) {
        this.sql = sql;
    }

    /** Records the arrival; false when it was recorded already. */
    boolean checkIn(UUID registrationId, UUID eventId, LocalDate day, String tenant, String username) {
        return sql.insertInto(EVENT_ATTENDANCE).set(EVENT_ATTENDANCE.REGISTRATION_ID, registrationId)
                .set(EVENT_ATTENDANCE.EVENT_ID, eventId).set(EVENT_ATTENDANCE.DAY, day)
                .set(EVENT_ATTENDANCE.CHECKED_IN_TENANT, tenant).set(EVENT_ATTENDANCE.CHECKED_IN_BY, username)
                .onConflictDoNothing().execute() == 1;
    }

    /** The days each registration of the event was checked in, earliest first. */
    Map<UUID, List<LocalDate>> days(UUID eventId) {
        Map<UUID, List<LocalDate>> days = new HashMap<>();
        sql.select(EVENT_ATTENDANCE.REGISTRATION_ID, EVENT_ATTENDANCE.DAY).from(EVENT_ATTENDANCE)
                .where(EVENT_ATTENDANCE.EVENT_ID.eq(eventId)).orderBy(EVENT_ATTENDANCE.DAY)
                .forEach(row -> days.computeIfAbsent(row.value1(), key -> new ArrayList<>()).add(row.value2()));
        return days;
    }
}
