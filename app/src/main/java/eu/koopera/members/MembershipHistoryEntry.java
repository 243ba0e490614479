package eu.koopera.members;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One change of a member's membership status.
 *
 * @param note      why, as the administrator wrote it; null for everyone else
 * @param changedBy the administrator's username; null for everyone else
 */
@Serdeable
public record MembershipHistoryEntry(@Nullable MembershipStatus fromStatus, MembershipStatus toStatus,
                                     LocalDate effectiveOn, @Nullable String note, @Nullable String changedBy,
                                     Instant changedAt) {

    /** The same change without what only administrators see. */
    MembershipHistoryEntry withoutNoteAndAuthor() {
        return new MembershipHistoryEntry(fromStatus, toStatus, effectiveOn, null, null, changedAt);
    }
}
