package eu.koopera.networks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A network's pilot activity as every participating association sees it.
 *
 * @param overdueMilestones how many milestones are past their date and neither done nor cancelled
 */
@Serdeable
public record ActivityResponse(UUID id, UUID networkId, String goal, String responsibleTenant,
                               long responsibleMember, String responsibleMemberName, @Nullable String plan,
                               @Nullable String resultSummary, List<Milestone> milestones, int overdueMilestones,
                               long version, Instant createdAt, Instant updatedAt) {

    /** A milestone; {@code overdue} when its date has passed and it is neither done nor cancelled. */
    @Serdeable
    public record Milestone(UUID id, String title, LocalDate dueOn, MilestoneStatus status, boolean overdue) {
    }
}
