package eu.koopera.people;

import java.time.Instant;

/** Where an invitation stands. A PENDING invitation past its expiry counts as EXPIRED. */
public enum InvitationStatus {
    PENDING,
    ACCEPTED,
    REVOKED,
    EXPIRED;

    /** The status as it stands at {@code now}, given the stored one. */
    static InvitationStatus effective(String stored, Instant expiresAt, Instant now) {
        InvitationStatus status = valueOf(stored);
        return status == PENDING && !expiresAt.isAfter(now) ? EXPIRED : status;
    }
}
