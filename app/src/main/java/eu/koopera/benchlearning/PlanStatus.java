package eu.koopera.benchlearning;

/** Where an improvement plan stands. */
public enum PlanStatus {
    DRAFT,
    ACTIVE,
    COMPLETED,
    ABANDONED
}
