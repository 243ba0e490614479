package eu.koopera.benchlearning;

import eu.koopera.jooq.tenant.tables.records.PeerGroupRecord;
import eu.koopera.members.MemberKind;
import eu.koopera.platform.collation.NameOrder;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static eu.koopera.jooq.tenant.Tables.MEMBER;
import static eu.koopera.jooq.tenant.Tables.PEER_GROUP;
import static eu.koopera.jooq.tenant.Tables.PEER_GROUP_MEMBER;

/** Peer groups of the current association, and the condition that selects a group's members. */
@Singleton
class PeerGroupQueries {

    private final DSLContext sql;
    private final NameOrder names;

    PeerGroupQueries(DSLContext sql, NameOrder names) {
        this.sql = sql;
        this.names = names;
    }

    /** Inserts a group; empty when its name is taken. */
    Optional<Long> insert(PeerGroupCommand command, List<Long> members) {
        Optional<Long> id = sql.insertInto(PEER_GROUP)
                .set(PEER_GROUP.NAME, command.name())
                .set(PEER_GROUP.HAND_PICKED, !members.isEmpty())
                .set(PEER_GROUP.KINDS, command.kinds() == null ? new String[0]
                        : command.kinds().stream().map(Enum::name).distinct().toArray(String[]::new))
                .set(PEER_GROUP.POPULATION_MIN, command.populationMin())
                .set(PEER_GROUP.POPULATION_MAX, command.populationMax())
                .set(PEER_GROUP.REGION, command.region())
                .set(PEER_GROUP.NETWORK_ID, command.network())
                .onConflictDoNothing()
                .returningResult(PEER_GROUP.ID)
                .fetchOptional(row -> row.value1());
        id.ifPresent(group -> {
            var insert = sql.insertInto(PEER_GROUP_MEMBER, PEER_GROUP_MEMBER.GROUP_ID, PEER_GROUP_MEMBER.MEMBER_ID);
            for (Long member : members) {
                insert = insert.values(group, member);
            }
            if (!members.isEmpty()) {
                insert.onConflictDoNothing().execute();
            }
        });
        return id;
    }

    /** A peer group's definition as stored. */
    record Stored(long id, String name, boolean handPicked, String[] kinds, @Nullable Integer populationMin,
                  @Nullable Integer populationMax, @Nullable String region, @Nullable UUID network) {
    }

    private static Stored stored(PeerGroupRecord row) {
        return new Stored(row.getId(), row.getName(), row.getHandPicked(), row.getKinds(), row.getPopulationMin(),
                row.getPopulationMax(), row.getRegion(), row.getNetworkId());
    }

    List<Stored> list() {
        return sql.selectFrom(PEER_GROUP).orderBy(names.collated(PEER_GROUP.NAME), PEER_GROUP.ID)
                .fetch(PeerGroupQueries::stored);
    }

    /** How many of {@code ids} are members of the association. */
    int existingMembers(Collection<Long> ids) {
        return sql.fetchCount(MEMBER, MEMBER.ID.in(ids));
    }

    /**
     * The condition on {@code member} that selects the members of a hand-picked or criteria group (network groups
     * are resolved by the service, through the networks).
     */
    Condition members(Stored group) {
        if (group.handPicked()) {
            return MEMBER.ID.in(DSL.select(PEER_GROUP_MEMBER.MEMBER_ID).from(PEER_GROUP_MEMBER)
                    .where(PEER_GROUP_MEMBER.GROUP_ID.eq(group.id())));
        }
        List<Condition> conditions = new ArrayList<>();
        if (group.kinds().length > 0) {
            conditions.add(MEMBER.KIND.in(Arrays.asList(group.kinds())));
        }
        if (group.populationMin() != null) {
            conditions.add(MEMBER.POPULATION.ge(group.populationMin()));
        }
        if (group.populationMax() != null) {
            conditions.add(MEMBER.POPULATION.le(group.populationMax()));
        }
        if (group.region() != null) {
            conditions.add(DSL.lower(MEMBER.REGION).eq(DSL.lower(DSL.val(group.region()))));
        }
        return conditions.isEmpty() ? DSL.trueCondition() : DSL.and(conditions);
    }

    Optional<Stored> record(long id) {
        return sql.selectFrom(PEER_GROUP).where(PEER_GROUP.ID.eq(id)).fetchOptional(PeerGroupQueries::stored);
    }

    /** The group with the members {@code members} selects, by name in the association's alphabet. */
    PeerGroup toGroup(Stored group, Condition members) {
        List<PeerGroup.Peer> peers = sql.select(MEMBER.ID, MEMBER.CODE, MEMBER.NAME).from(MEMBER)
                .where(members)
                .orderBy(names.collated(MEMBER.NAME), MEMBER.ID)
                .fetch(row -> new PeerGroup.Peer(row.value1(), row.value2(), row.value3()));
        return new PeerGroup(group.id(), group.name(), group.handPicked(),
                Arrays.stream(group.kinds()).map(MemberKind::valueOf).toList(), group.populationMin(),
                group.populationMax(), group.region(), group.network(), peers);
    }
}
