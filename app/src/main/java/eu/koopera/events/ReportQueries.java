package eu.koopera.events;

import eu.koopera.jooq.shared.tables.records.EventReportRecord;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.JSONB;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static eu.koopera.jooq.shared.Tables.EVENT_FEEDBACK;
import static eu.koopera.jooq.shared.Tables.EVENT_REPORT;

/** Event reports and feedback in the shared schema. */
@Singleton
class ReportQueries {

    private static final Argument<List<EventReportCommand.Material>> MATERIALS =
            Argument.listOf(EventReportCommand.Material.class);
    private static final Argument<List<EventReportCommand.FollowUp>> FOLLOW_UPS =
            Argument.listOf(EventReportCommand.FollowUp.class);

    private final DSLContext sql;
    private final JsonMapper json;

    ReportQueries(DSLContext sql, JsonMapper json) {
        this.sql = sql;
        this.json = json;
    }

    Optional<EventReportResponse> report(UUID eventId) {
        return sql.selectFrom(EVENT_REPORT).where(EVENT_REPORT.EVENT_ID.eq(eventId)).fetchOptional(this::toResponse);
    }

    /** Writes the first report of the event. */
    void insert(UUID eventId, String owner, @Nullable String lessons, List<EventReportCommand.Material> materials,
                List<EventReportCommand.FollowUp> followUps, String username) {
        sql.insertInto(EVENT_REPORT).set(EVENT_REPORT.EVENT_ID, eventId).set(EVENT_REPORT.OWNER_TENANT, owner)
                .set(EVENT_REPORT.LESSONS_LEARNED, lessons).set(EVENT_REPORT.MATERIALS, write(materials))
                .set(EVENT_REPORT.FOLLOW_UPS, write(followUps)).set(EVENT_REPORT.UPDATED_BY, username).execute();
    }

    /** Replaces the report if {@code version} is current; false when it is not. */
    boolean update(UUID eventId, long version, @Nullable String lessons, List<EventReportCommand.Material> materials,
                   List<EventReportCommand.FollowUp> followUps, String username) {
        return sql.update(EVENT_REPORT).set(EVENT_REPORT.LESSONS_LEARNED, lessons)
                .set(EVENT_REPORT.MATERIALS, write(materials)).set(EVENT_REPORT.FOLLOW_UPS, write(followUps))
                .set(EVENT_REPORT.UPDATED_BY, username).set(EVENT_REPORT.UPDATED_AT, OffsetDateTime.now())
                .set(EVENT_REPORT.VERSION, EVENT_REPORT.VERSION.plus(1))
                .where(EVENT_REPORT.EVENT_ID.eq(eventId), EVENT_REPORT.VERSION.eq(version)).execute() == 1;
    }

    /** Records the feedback of a registration; false when it was given already. */
    boolean giveFeedback(UUID registrationId, UUID eventId, String tenant, int rating, @Nullable String comment) {
        return sql.insertInto(EVENT_FEEDBACK).set(EVENT_FEEDBACK.REGISTRATION_ID, registrationId)
                .set(EVENT_FEEDBACK.EVENT_ID, eventId).set(EVENT_FEEDBACK.TENANT_CODE, tenant)
                .set(EVENT_FEEDBACK.RATING, (short) rating).set(EVENT_FEEDBACK.COMMENT, comment)
                .onConflictDoNothing().execute() == 1;
    }

    /** Every rating and comment of the event, in the order given. */
    List<Feedback> feedback(UUID eventId) {
        return sql.select(EVENT_FEEDBACK.RATING, EVENT_FEEDBACK.COMMENT).from(EVENT_FEEDBACK)
                .where(EVENT_FEEDBACK.EVENT_ID.eq(eventId))
                .orderBy(EVENT_FEEDBACK.SUBMITTED_AT, EVENT_FEEDBACK.REGISTRATION_ID)
                .fetch(row -> new Feedback(row.value1(), row.value2()));
    }

    private EventReportResponse toResponse(EventReportRecord row) {
        return new EventReportResponse(row.getEventId(), row.getLessonsLearned(), read(row.getMaterials(), MATERIALS),
                read(row.getFollowUps(), FOLLOW_UPS), row.getVersion(), row.getUpdatedBy(),
                row.getUpdatedAt().toInstant());
    }

    private JSONB write(Object value) {
        try {
            return JSONB.valueOf(json.writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(JSONB stored, Argument<T> type) {
        try {
            return json.readValue(stored.data(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One participant's answer. */
    record Feedback(int rating, @Nullable String comment) {
    }
}
