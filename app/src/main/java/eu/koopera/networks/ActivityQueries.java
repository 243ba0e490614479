package eu.koopera.networks;

import eu.koopera.jooq.shared.tables.records.NetworkActivityMilestoneRecord;
import eu.koopera.jooq.shared.tables.records.NetworkActivityRecord;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import static eu.koopera.jooq.shared.Tables.NETWORK_ACTIVITY;
import static eu.koopera.jooq.shared.Tables.NETWORK_ACTIVITY_MILESTONE;

/** Pilot activities and their milestones in {@code shared}; row-level security limits them to participants. */
@Singleton
class ActivityQueries {

    private final DSLContext sql;
    private final Clock clock = Clock.systemUTC();

    ActivityQueries(DSLContext sql) {
        this.sql = sql;
    }

    UUID insert(UUID networkId, String owner, ActivityCommand command, String responsibleName) {
        UUID id = sql.insertInto(NETWORK_ACTIVITY)
                .set(NETWORK_ACTIVITY.NETWORK_ID, networkId)
                .set(NETWORK_ACTIVITY.OWNER_TENANT, owner)
                .set(NETWORK_ACTIVITY.GOAL, command.goal().strip())
                .set(NETWORK_ACTIVITY.RESPONSIBLE_TENANT, command.responsibleTenant())
                .set(NETWORK_ACTIVITY.RESPONSIBLE_MEMBER_ID, command.responsibleMember())
                .set(NETWORK_ACTIVITY.RESPONSIBLE_MEMBER_NAME, responsibleName)
                .set(NETWORK_ACTIVITY.PLAN, blankToNull(command.plan()))
                .set(NETWORK_ACTIVITY.RESULT_SUMMARY, blankToNull(command.resultSummary()))
                .returning(NETWORK_ACTIVITY.ID).fetchSingle(NETWORK_ACTIVITY.ID);
        insertMilestones(id, command.milestones());
        return id;
    }

    /** Replaces the activity and its milestones if {@code version} is current; false when it is not. */
    boolean update(UUID id, long version, ActivityCommand command, String responsibleName) {
        int updated = sql.update(NETWORK_ACTIVITY)
                .set(NETWORK_ACTIVITY.GOAL, command.goal().strip())
                .set(NETWORK_ACTIVITY.RESPONSIBLE_TENANT, command.responsibleTenant())
                .set(NETWORK_ACTIVITY.RESPONSIBLE_MEMBER_ID, command.responsibleMember())
                .set(NETWORK_ACTIVITY.RESPONSIBLE_MEMBER_NAME, responsibleName)
                .set(NETWORK_ACTIVITY.PLAN, blankToNull(command.plan()))
                .set(NETWORK_ACTIVITY.RESULT_SUMMARY, blankToNull(command.resultSummary()))
                .set(NETWORK_ACTIVITY.VERSION, NETWORK_ACTIVITY.VERSION.plus(1))
                .set(NETWORK_ACTIVITY.UPDATED_AT, OffsetDateTime.now(clock))
                .where(NETWORK_ACTIVITY.ID.eq(id), NETWORK_ACTIVITY.VERSION.eq(version))
                .execute();
        if (updated == 0) {
            return false;
        }
        sql.deleteFrom(NETWORK_ACTIVITY_MILESTONE).where(NETWORK_ACTIVITY_MILESTONE.ACTIVITY_ID.eq(id)).execute();
        insertMilestones(id, command.milestones());
        return true;
    }

    /** The network an activity belongs to, if the current association may see it. */
    Optional<UUID> networkOf(UUID id) {
        return sql.select(NETWORK_ACTIVITY.NETWORK_ID).from(NETWORK_ACTIVITY).where(NETWORK_ACTIVITY.ID.eq(id))
                .fetchOptional(NETWORK_ACTIVITY.NETWORK_ID);
    }

    Optional<ActivityResponse> find(UUID id) {
        return withMilestones(sql.selectFrom(NETWORK_ACTIVITY).where(NETWORK_ACTIVITY.ID.eq(id)).fetch())
                .stream().findFirst();
    }

    /** The network's activities, oldest first. */
    List<ActivityResponse> list(UUID networkId) {
        return withMilestones(sql.selectFrom(NETWORK_ACTIVITY).where(NETWORK_ACTIVITY.NETWORK_ID.eq(networkId))
                .orderBy(NETWORK_ACTIVITY.CREATED_AT, NETWORK_ACTIVITY.ID).fetch());
    }

    private void insertMilestones(UUID activityId, @Nullable List<ActivityCommand.Milestone> milestones) {
        if (milestones == null) {
            return;
        }
        for (int position = 0; position < milestones.size(); position++) {
            ActivityCommand.Milestone milestone = milestones.get(position);
            sql.insertInto(NETWORK_ACTIVITY_MILESTONE)
                    .set(NETWORK_ACTIVITY_MILESTONE.ACTIVITY_ID, activityId)
                    .set(NETWORK_ACTIVITY_MILESTONE.POSITION, position)
                    .set(NETWORK_ACTIVITY_MILESTONE.TITLE, milestone.title().strip())
                    .set(NETWORK_ACTIVITY_MILESTONE.DUE_ON, milestone.dueOn())
                    .set(NETWORK_ACTIVITY_MILESTONE.STATUS, (milestone.status() == null ? MilestoneStatus.PLANNED
                            : milestone.status()).name())
                    .execute();
        }
    }

    /** One query for the activities' milestones, whatever their number (no query per activity). */
    private List<ActivityResponse> withMilestones(List<NetworkActivityRecord> activities) {
        if (activities.isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        Map<UUID, List<ActivityResponse.Milestone>> milestones = sql.selectFrom(NETWORK_ACTIVITY_MILESTONE)
                .where(NETWORK_ACTIVITY_MILESTONE.ACTIVITY_ID.in(activities.stream().map(NetworkActivityRecord::getId)
                        .toList()))
                .orderBy(NETWORK_ACTIVITY_MILESTONE.ACTIVITY_ID, NETWORK_ACTIVITY_MILESTONE.POSITION)
                .fetch().stream()
                .collect(Collectors.groupingBy(NetworkActivityMilestoneRecord::getActivityId,
                        Collectors.mapping(row -> milestone(row, today), Collectors.toList())));
        List<ActivityResponse> responses = new ArrayList<>();
        for (NetworkActivityRecord row : activities) {
            List<ActivityResponse.Milestone> own = milestones.getOrDefault(row.getId(), List.of());
            responses.add(new ActivityResponse(row.getId(), row.getNetworkId(), row.getGoal(),
                    row.getResponsibleTenant(), row.getResponsibleMemberId(), row.getResponsibleMemberName(),
                    row.getPlan(), row.getResultSummary(), own,
                    (int) own.stream().filter(ActivityResponse.Milestone::overdue).count(), row.getVersion(),
                    row.getCreatedAt().toInstant(), row.getUpdatedAt().toInstant()));
        }
        return responses;
    }

    private static ActivityResponse.Milestone milestone(NetworkActivityMilestoneRecord row, LocalDate today) {
        MilestoneStatus status = MilestoneStatus.valueOf(row.getStatus());
        boolean open = status == MilestoneStatus.PLANNED || status == MilestoneStatus.IN_PROGRESS;
        return new ActivityResponse.Milestone(row.getId(), row.getTitle(), row.getDueOn(), status,
                open && row.getDueOn().isBefore(today));
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
