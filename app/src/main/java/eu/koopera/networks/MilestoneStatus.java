package eu.koopera.networks;

/** Where a milestone of a pilot activity stands. */
public enum MilestoneStatus {
    PLANNED, IN_PROGRESS, DONE, CANCELLED
}
