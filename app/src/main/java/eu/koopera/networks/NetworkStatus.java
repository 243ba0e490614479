package eu.koopera.networks;

/** Where a network stands; pilot applications are taken only while it is {@link #OPEN_FOR_APPLICATIONS}. */
public enum NetworkStatus {
    PLANNED, OPEN_FOR_APPLICATIONS, ACTIVE, CLOSED
}
