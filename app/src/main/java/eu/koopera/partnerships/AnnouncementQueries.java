package eu.koopera.partnerships;

import eu.koopera.jooq.shared.tables.records.PartnerAnnouncementRecord;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static eu.koopera.jooq.shared.Tables.PARTNER_ANNOUNCEMENT;
import static eu.koopera.jooq.shared.Tables.PARTNER_ANNOUNCEMENT_REPLY;

/**
 * "Looking for a partner" announcements and their replies in {@code shared}. Row-level security lets every
 * association read announcements and only the replying association and the announcement's owner read a reply, so
 * the reply counts here are what the caller may read.
 */
@Singleton
class AnnouncementQueries {

    private final DSLContext sql;
    private final PartnershipJson json;

    AnnouncementQueries(DSLContext sql, PartnershipJson json) {
        this.sql = sql;
        this.json = json;
    }

    UUID insert(String owner, long memberId, String memberName, AnnouncementCommand command, String createdBy) {
        return sql.insertInto(PARTNER_ANNOUNCEMENT)
                .set(PARTNER_ANNOUNCEMENT.OWNER_TENANT, owner)
                .set(PARTNER_ANNOUNCEMENT.MEMBER_ID, memberId)
                .set(PARTNER_ANNOUNCEMENT.MEMBER_NAME, memberName)
                .set(PARTNER_ANNOUNCEMENT.THEME, command.theme().strip())
                .set(PARTNER_ANNOUNCEMENT.TEXT_I18N, json.text(command.text()))
                .set(PARTNER_ANNOUNCEMENT.DEADLINE, command.deadline())
                .set(PARTNER_ANNOUNCEMENT.CREATED_BY, createdBy)
                .returning(PARTNER_ANNOUNCEMENT.ID).fetchSingle(PARTNER_ANNOUNCEMENT.ID);
    }

    Optional<AnnouncementResponse> find(UUID id, LocalDate today) {
        return select().where(PARTNER_ANNOUNCEMENT.ID.eq(id)).fetchOptional(r -> toResponse(r.value1(),
                r.value2(), today));
    }

    /** Announcements, soonest deadline first among open ones, then the closed ones, latest deadline first. */
    List<AnnouncementResponse> list(@Nullable AnnouncementStatus status, @Nullable String theme, LocalDate today) {
        Condition condition = DSL.noCondition();
        if (status == AnnouncementStatus.OPEN) {
            condition = open(today);
        } else if (status == AnnouncementStatus.CLOSED) {
            condition = DSL.not(open(today));
        }
        if (theme != null) {
            condition = condition.and(PARTNER_ANNOUNCEMENT.THEME.containsIgnoreCase(theme));
        }
        return select().where(condition)
                .orderBy(DSL.when(open(today), 0).otherwise(1),
                        DSL.when(open(today), PARTNER_ANNOUNCEMENT.DEADLINE).otherwise(DSL.inline((LocalDate) null)),
                        PARTNER_ANNOUNCEMENT.DEADLINE.desc(), PARTNER_ANNOUNCEMENT.CREATED_AT.desc())
                .limit(500)
                .fetch(r -> toResponse(r.value1(), r.value2(), today));
    }

    /** Closes the owner's announcement; whether it was there to close. */
    boolean close(UUID id, String owner) {
        return sql.update(PARTNER_ANNOUNCEMENT).set(PARTNER_ANNOUNCEMENT.STATUS, AnnouncementStatus.CLOSED.name())
                .where(PARTNER_ANNOUNCEMENT.ID.eq(id), PARTNER_ANNOUNCEMENT.OWNER_TENANT.eq(owner)).execute() == 1;
    }

    ReplyResponse reply(AnnouncementResponse announcement, String tenant, long memberId, String memberName,
                        String message, String createdBy) {
        return sql.insertInto(PARTNER_ANNOUNCEMENT_REPLY)
                .set(PARTNER_ANNOUNCEMENT_REPLY.ANNOUNCEMENT_ID, announcement.id())
                .set(PARTNER_ANNOUNCEMENT_REPLY.OWNER_TENANT, announcement.owner())
                .set(PARTNER_ANNOUNCEMENT_REPLY.TENANT_CODE, tenant)
                .set(PARTNER_ANNOUNCEMENT_REPLY.MEMBER_ID, memberId)
                .set(PARTNER_ANNOUNCEMENT_REPLY.MEMBER_NAME, memberName)
                .set(PARTNER_ANNOUNCEMENT_REPLY.MESSAGE, message)
                .set(PARTNER_ANNOUNCEMENT_REPLY.CREATED_BY, createdBy)
                .returning().fetchSingle(r -> new ReplyResponse(r.getId(), r.getTenantCode(), r.getMemberId(),
                        r.getMemberName(), r.getMessage(), r.getCreatedAt()));
    }

    /** The replies the caller may read, oldest first. */
    List<ReplyResponse> replies(UUID announcementId) {
        return sql.selectFrom(PARTNER_ANNOUNCEMENT_REPLY)
                .where(PARTNER_ANNOUNCEMENT_REPLY.ANNOUNCEMENT_ID.eq(announcementId))
                .orderBy(PARTNER_ANNOUNCEMENT_REPLY.CREATED_AT, PARTNER_ANNOUNCEMENT_REPLY.ID)
                .fetch(r -> new ReplyResponse(r.getId(), r.getTenantCode(), r.getMemberId(), r.getMemberName(),
                        r.getMessage(), r.getCreatedAt()));
    }

    private org.jooq.SelectJoinStep<org.jooq.Record2<PartnerAnnouncementRecord, Integer>> select() {
        Field<Integer> replies = DSL.selectCount().from(PARTNER_ANNOUNCEMENT_REPLY)
                .where(PARTNER_ANNOUNCEMENT_REPLY.ANNOUNCEMENT_ID.eq(PARTNER_ANNOUNCEMENT.ID)).asField("replies");
        return sql.select(PARTNER_ANNOUNCEMENT, replies).from(PARTNER_ANNOUNCEMENT);
    }

    private static Condition open(LocalDate today) {
        return PARTNER_ANNOUNCEMENT.STATUS.eq(AnnouncementStatus.OPEN.name())
                .and(PARTNER_ANNOUNCEMENT.DEADLINE.ge(today));
    }

    private AnnouncementResponse toResponse(PartnerAnnouncementRecord row, Integer replies, LocalDate today) {
        AnnouncementStatus status = row.getStatus().equals(AnnouncementStatus.OPEN.name())
                && !row.getDeadline().isBefore(today) ? AnnouncementStatus.OPEN : AnnouncementStatus.CLOSED;
        return new AnnouncementResponse(row.getId(), row.getOwnerTenant(), row.getMemberId(), row.getMemberName(),
                row.getTheme(), json.text(row.getTextI18n()), row.getDeadline(), status, replies,
                row.getCreatedAt());
    }
}
