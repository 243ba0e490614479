package eu.koopera.benchlearning;

import eu.koopera.members.MemberKind;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.UUID;

/**
 * A peer group with its definition and the members it holds today.
 *
 * @param network the network whose participating members (of this association) form the group
 */
@Serdeable
public record PeerGroup(long id, String name, boolean handPicked, List<MemberKind> kinds,
                        @Nullable Integer populationMin, @Nullable Integer populationMax, @Nullable String region,
                        @Nullable UUID network, List<Peer> members) {

    /** A member of the group. */
    @Serdeable
    public record Peer(long id, String code, String name) {
    }
}
