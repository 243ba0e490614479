package eu.koopera.networks;

import eu.koopera.jooq.shared.tables.records.NetworkMeetingRecord;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static eu.koopera.jooq.shared.Tables.NETWORK;
import static eu.koopera.jooq.shared.Tables.NETWORK_MEETING;

/**
 * Meetings of networks in the shared schema. Row-level security already hides the meetings of networks the
 * current association does not take part in; these queries say so once more by joining the network.
 */
@Singleton
class MeetingQueries {

    private final DSLContext sql;
    private final SharedJson json;

    MeetingQueries(DSLContext sql, SharedJson json) {
        this.sql = sql;
        this.json = json;
    }

    /** Creates a meeting of a network owned by {@code owner}. */
    MeetingResponse insert(UUID networkId, String owner, String createdBy, Meeting meeting) {
        return sql.insertInto(NETWORK_MEETING)
                .set(NETWORK_MEETING.NETWORK_ID, networkId)
                .set(NETWORK_MEETING.OWNER_TENANT, owner)
                .set(NETWORK_MEETING.CREATED_BY, createdBy)
                .set(NETWORK_MEETING.KIND, meeting.kind().name())
                .set(NETWORK_MEETING.TITLE_I18N, json.text(meeting.title()))
                .set(NETWORK_MEETING.STARTS_AT, meeting.startsAt())
                .set(NETWORK_MEETING.ENDS_AT, meeting.endsAt())
                .set(NETWORK_MEETING.TIME_ZONE, meeting.timeZone())
                .set(NETWORK_MEETING.PLACE, meeting.place())
                .set(NETWORK_MEETING.ONLINE_URL, meeting.onlineUrl())
                .set(NETWORK_MEETING.AGENDA, meeting.agenda())
                .set(NETWORK_MEETING.MINUTES, meeting.minutes())
                .set(NETWORK_MEETING.RECORDINGS, meeting.recordings().toArray(String[]::new))
                .set(NETWORK_MEETING.INVITED_TENANTS, meeting.invitedTenants().toArray(String[]::new))
                .returning().fetchSingle(this::toResponse);
    }

    /** The meeting, if the current association takes part in its network. */
    Optional<MeetingResponse> find(UUID id, String tenant) {
        return sql.select(NETWORK_MEETING.fields()).from(NETWORK_MEETING).join(NETWORK)
                .on(NETWORK.ID.eq(NETWORK_MEETING.NETWORK_ID))
                .where(NETWORK_MEETING.ID.eq(id), DSL.val(tenant).eq(DSL.any(NETWORK.TENANTS)))
                .fetchOptional(row -> toResponse(row.into(NETWORK_MEETING)));
    }

    /** A network's meetings, earliest first. */
    List<MeetingResponse> ofNetwork(UUID networkId) {
        return sql.selectFrom(NETWORK_MEETING).where(NETWORK_MEETING.NETWORK_ID.eq(networkId))
                .orderBy(NETWORK_MEETING.STARTS_AT, NETWORK_MEETING.ID)
                .fetch(this::toResponse);
    }

    /** The meetings of every network the association takes part in, earliest first. */
    List<MeetingResponse> ofTenant(String tenant) {
        return sql.select(NETWORK_MEETING.fields()).from(NETWORK_MEETING).join(NETWORK)
                .on(NETWORK.ID.eq(NETWORK_MEETING.NETWORK_ID))
                .where(DSL.val(tenant).eq(DSL.any(NETWORK.TENANTS)))
                .orderBy(NETWORK_MEETING.STARTS_AT, NETWORK_MEETING.ID)
                .fetch(row -> toResponse(row.into(NETWORK_MEETING)));
    }

    /** Replaces the description if {@code version} is current; empty when it is not. */
    Optional<MeetingResponse> update(UUID id, long version, Meeting meeting) {
        return sql.update(NETWORK_MEETING)
                .set(NETWORK_MEETING.KIND, meeting.kind().name())
                .set(NETWORK_MEETING.TITLE_I18N, json.text(meeting.title()))
                .set(NETWORK_MEETING.STARTS_AT, meeting.startsAt())
                .set(NETWORK_MEETING.ENDS_AT, meeting.endsAt())
                .set(NETWORK_MEETING.TIME_ZONE, meeting.timeZone())
                .set(NETWORK_MEETING.PLACE, meeting.place())
                .set(NETWORK_MEETING.ONLINE_URL, meeting.onlineUrl())
                .set(NETWORK_MEETING.AGENDA, meeting.agenda())
                .set(NETWORK_MEETING.MINUTES, meeting.minutes())
                .set(NETWORK_MEETING.RECORDINGS, meeting.recordings().toArray(String[]::new))
                .set(NETWORK_MEETING.INVITED_TENANTS, meeting.invitedTenants().toArray(String[]::new))
                .set(NETWORK_MEETING.VERSION, NETWORK_MEETING.VERSION.plus(1))
                .set(NETWORK_MEETING.UPDATED_AT, OffsetDateTime.now())
                .where(NETWORK_MEETING.ID.eq(id), NETWORK_MEETING.VERSION.eq(version))
                .returning().fetchOptional(this::toResponse);
    }

    /** Replaces the recorded attendance if {@code version} is current; empty when it is not. */
    Optional<MeetingResponse> recordAttendance(UUID id, long version, List<Attendee> attendees) {
        return sql.update(NETWORK_MEETING)
                .set(NETWORK_MEETING.ATTENDANCE, json.attendance(attendees))
                .set(NETWORK_MEETING.VERSION, NETWORK_MEETING.VERSION.plus(1))
                .set(NETWORK_MEETING.UPDATED_AT, OffsetDateTime.now())
                .where(NETWORK_MEETING.ID.eq(id), NETWORK_MEETING.VERSION.eq(version))
                .returning().fetchOptional(this::toResponse);
    }

    private MeetingResponse toResponse(NetworkMeetingRecord row) {
        return new MeetingResponse(row.getId(), row.getNetworkId(), MeetingKind.valueOf(row.getKind()),
                json.text(row.getTitleI18n()), row.getStartsAt(), row.getEndsAt(), row.getTimeZone(),
                row.getPlace(), row.getOnlineUrl(), row.getAgenda(), Arrays.asList(row.getInvitedTenants()),
                json.attendance(row.getAttendance()), row.getMinutes(), Arrays.asList(row.getRecordings()),
                row.getCreatedBy(), row.getVersion(), row.getCreatedAt().toInstant(),
                row.getUpdatedAt().toInstant());
    }

    /** A meeting's checked and normalised fields, as written. */
    record Meeting(MeetingKind kind, LocalizedText title, LocalDateTime startsAt, LocalDateTime endsAt,
                   String timeZone, String place, String onlineUrl, String agenda, String minutes,
                   List<String> recordings, List<String> invitedTenants) {
    }
}
