package eu.koopera.partnerships;

import eu.koopera.jooq.shared.tables.records.AgreementMeetingRecord;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static eu.koopera.jooq.shared.Tables.AGREEMENT_MEETING;

/** The meetings of twinning committees in {@code shared}. */
@Singleton
class CommitteeMeetingQueries {

    private final DSLContext sql;

    CommitteeMeetingQueries(DSLContext sql) {
        this.sql = sql;
    }

    CommitteeMeeting add(UUID agreementId, String owner, CommitteeMeetingCommand meeting, String createdBy) {
        ZoneId zone = ZoneId.of(meeting.timeZone());
        return sql.insertInto(AGREEMENT_MEETING)
                .set(AGREEMENT_MEETING.AGREEMENT_ID, agreementId)
                .set(AGREEMENT_MEETING.OWNER_TENANT, owner)
                .set(AGREEMENT_MEETING.TITLE, meeting.title())
                .set(AGREEMENT_MEETING.STARTS_AT, meeting.startsAt().atZone(zone).toOffsetDateTime())
                .set(AGREEMENT_MEETING.ENDS_AT, meeting.endsAt().atZone(zone).toOffsetDateTime())
                .set(AGREEMENT_MEETING.TIME_ZONE, meeting.timeZone())
                .set(AGREEMENT_MEETING.PLACE, meeting.place())
                .set(AGREEMENT_MEETING.AGENDA, meeting.agenda())
                .set(AGREEMENT_MEETING.CREATED_BY, createdBy)
                .returning().fetchSingle(CommitteeMeetingQueries::toMeeting);
    }

    /** The committee's meetings, soonest first. */
    List<CommitteeMeeting> list(UUID agreementId) {
        return sql.selectFrom(AGREEMENT_MEETING).where(AGREEMENT_MEETING.AGREEMENT_ID.eq(agreementId))
                .orderBy(AGREEMENT_MEETING.STARTS_AT, AGREEMENT_MEETING.ID).fetch(CommitteeMeetingQueries::toMeeting);
    }

    Optional<CommitteeMeeting> find(UUID agreementId, UUID meetingId) {
        return sql.selectFrom(AGREEMENT_MEETING)
                .where(AGREEMENT_MEETING.ID.eq(meetingId), AGREEMENT_MEETING.AGREEMENT_ID.eq(agreementId))
                .fetchOptional(CommitteeMeetingQueries::toMeeting);
    }

    private static CommitteeMeeting toMeeting(AgreementMeetingRecord row) {
        ZoneId zone = ZoneId.of(row.getTimeZone());
        return new CommitteeMeeting(row.getId(), row.getTitle(),
                LocalDateTime.ofInstant(row.getStartsAt().toInstant(), zone),
                LocalDateTime.ofInstant(row.getEndsAt().toInstant(), zone), row.getTimeZone(), row.getPlace(),
                row.getAgenda(), row.getStartsAt().toInstant(), row.getEndsAt().toInstant());
    }
}
