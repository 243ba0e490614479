package eu.koopera.members;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * Moves a member to another membership status.
 *
 * @param status      the new status
 * @param effectiveOn when it takes effect; today when absent
 * @param note        why, for the history
 */
@Serdeable
public record MembershipChange(@NotNull MembershipStatus status, @Nullable LocalDate effectiveOn,
                               @Nullable @Size(max = 500) String note) {
}
