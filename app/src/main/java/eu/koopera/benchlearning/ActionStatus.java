package eu.koopera.benchlearning;

/** Where an action of an improvement plan stands. */
public enum ActionStatus {
    PLANNED,
    IN_PROGRESS,
    DONE,
    DROPPED
}
