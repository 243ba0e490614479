package eu.koopera.events;

/** In which capacity a person takes part. */
public enum ParticipantRole {
    POLITICIAN, STAFF, EXPERT
}
