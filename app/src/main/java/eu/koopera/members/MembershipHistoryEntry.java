package eu.koopera.members;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;

/** One change of a member's membership status. */
@Serdeable
public record MembershipHistoryEntry(@Nullable MembershipStatus fromStatus, MembershipStatus toStatus,
                                     LocalDate effectiveOn, @Nullable String note, String changedBy,
                                     Instant changedAt) {
}
