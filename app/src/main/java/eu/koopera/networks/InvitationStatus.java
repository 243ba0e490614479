package eu.koopera.networks;

/** Where an invitation to a network stands; LEFT marks an accepted one whose association later left. */
public enum InvitationStatus {
    PENDING, ACCEPTED, DECLINED, WITHDRAWN, LEFT
}
