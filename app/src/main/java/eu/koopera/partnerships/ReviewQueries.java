package eu.koopera.partnerships;

import eu.koopera.jooq.shared.tables.records.AgreementReviewRecord;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.JSONB;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static eu.koopera.jooq.shared.Tables.AGREEMENT;
import static eu.koopera.jooq.shared.Tables.AGREEMENT_REVIEW;

/** Reviews of agreements, and the reminders of reviews due. */
@Singleton
class ReviewQueries {

    private final DSLContext sql;

    ReviewQueries(DSLContext sql) {
        this.sql = sql;
    }

    /** Records a review and makes its next review date the agreement's. */
    ReviewResponse insert(UUID agreementId, String owner, ReviewCommand command, @Nullable String notes,
                          String recordedBy) {
        ReviewResponse review = sql.insertInto(AGREEMENT_REVIEW)
                .set(AGREEMENT_REVIEW.AGREEMENT_ID, agreementId)
                .set(AGREEMENT_REVIEW.OWNER_TENANT, owner)
                .set(AGREEMENT_REVIEW.REVIEWED_ON, command.reviewedOn())
                .set(AGREEMENT_REVIEW.NOTES, notes)
                .set(AGREEMENT_REVIEW.NEXT_REVIEW_ON, command.nextReviewOn())
                .set(AGREEMENT_REVIEW.RECORDED_BY, recordedBy)
                .returning().fetchSingle(ReviewQueries::toResponse);
        sql.update(AGREEMENT).set(AGREEMENT.NEXT_REVIEW_ON, command.nextReviewOn())
                .set(AGREEMENT.VERSION, AGREEMENT.VERSION.plus(1)).set(AGREEMENT.UPDATED_AT, OffsetDateTime.now())
                .where(AGREEMENT.ID.eq(agreementId)).execute();
        return review;
    }

    /** The agreement's reviews, latest first. */
    List<ReviewResponse> list(UUID agreementId) {
        return sql.selectFrom(AGREEMENT_REVIEW).where(AGREEMENT_REVIEW.AGREEMENT_ID.eq(agreementId))
                .orderBy(AGREEMENT_REVIEW.REVIEWED_ON.desc(), AGREEMENT_REVIEW.RECORDED_AT.desc())
                .fetch(ReviewQueries::toResponse);
    }

    /**
     * Agreements of {@code owner}, not ended, whose next review is at most {@code days} days after {@code today}
     * (or already past) and whose creator has not been reminded of that date yet; locked, so that a concurrent
     * run skips them.
     */
    List<DueReview> due(String owner, LocalDate today, int days, int limit) {
        return sql.select(AGREEMENT.ID, AGREEMENT.TITLE_I18N, AGREEMENT.NEXT_REVIEW_ON, AGREEMENT.CREATED_BY)
                .from(AGREEMENT)
                .where(AGREEMENT.OWNER_TENANT.eq(owner), AGREEMENT.NEXT_REVIEW_ON.isNotNull(),
                        AGREEMENT.NEXT_REVIEW_ON.le(today.plusDays(days)),
                        AGREEMENT.STATUS.ne(AgreementStatus.ENDED.name()),
                        AGREEMENT.REVIEW_REMINDED_FOR.isDistinctFrom(AGREEMENT.NEXT_REVIEW_ON))
                .orderBy(AGREEMENT.NEXT_REVIEW_ON, AGREEMENT.ID).limit(limit)
                .forUpdate().skipLocked()
                .fetch(row -> new DueReview(row.value1(), row.value2(), row.value3(), row.value4()));
    }

    void markReminded(UUID agreementId, LocalDate reviewOn) {
        sql.update(AGREEMENT).set(AGREEMENT.REVIEW_REMINDED_FOR, reviewOn)
                .where(AGREEMENT.ID.eq(agreementId)).execute();
    }

    private static ReviewResponse toResponse(AgreementReviewRecord row) {
        return new ReviewResponse(row.getId(), row.getReviewedOn(), row.getNotes(), row.getNextReviewOn(),
                row.getRecordedBy());
    }

    /** A review an agreement's creator is to be reminded of. */
    record DueReview(UUID agreementId, JSONB title, LocalDate reviewOn, String createdBy) {
    }
}
