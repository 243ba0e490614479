package eu.koopera.events;

import java.util.Set;

/**
 * Where a registration stands. {@link #CONFIRMED} and {@link #OFFERED} hold a place; {@link #PENDING},
 * {@link #CONFIRMED}, {@link #WAITLISTED} and {@link #OFFERED} are active (they count against the member quota
 * and block a second registration of the person); the others are final.
 */
public enum RegistrationStatus {
    PENDING, CONFIRMED, WAITLISTED, OFFERED, CANCELLED, REJECTED, EXPIRED;

    /** The statuses that hold a place. */
    public static final Set<RegistrationStatus> HOLDING_A_PLACE = Set.of(CONFIRMED, OFFERED);
    /** The statuses that are not final. */
    public static final Set<RegistrationStatus> ACTIVE = Set.of(PENDING, CONFIRMED, WAITLISTED, OFFERED);

    public boolean holdsAPlace() {
        return HOLDING_A_PLACE.contains(this);
    }

    public boolean isActive() {
        return ACTIVE.contains(this);
    }
}
