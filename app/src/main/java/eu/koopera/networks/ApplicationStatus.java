package eu.koopera.networks;

/** Where a pilot application stands. */
public enum ApplicationStatus {
    OPEN, ACCEPTED, REJECTED
}
