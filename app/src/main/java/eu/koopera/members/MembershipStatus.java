package eu.koopera.members;

import java.util.Map;
import java.util.Set;

/** Where a member organisation stands in the association. */
public enum MembershipStatus {
    APPLIED,
    ACTIVE,
    SUSPENDED,
    LEFT;

    private static final Map<MembershipStatus, Set<MembershipStatus>> NEXT = Map.of(
            APPLIED, Set.of(ACTIVE, LEFT),
            ACTIVE, Set.of(SUSPENDED, LEFT),
            SUSPENDED, Set.of(ACTIVE, LEFT),
            LEFT, Set.of(APPLIED));

    /** Whether a member in this status may move to {@code next}. */
    public boolean mayBecome(MembershipStatus next) {
        return NEXT.get(this).contains(next);
    }

    public Set<MembershipStatus> next() {
        return NEXT.get(this);
    }
}
