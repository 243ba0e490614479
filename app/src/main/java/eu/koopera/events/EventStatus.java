package eu.koopera.events;

/** Where an event stands. Registrations are taken only while it is {@link #OPEN}. */
public enum EventStatus {
    DRAFT, OPEN, CLOSED, CANCELLED, DONE
}
