package eu.koopera.partnerships;

/** The five steps of building a partnership between a municipality and community organisations, in order. */
public enum PlanStep {
    SHARED_OUTCOME,
    SHARED_STRATEGY,
    ROLES_AND_RESPONSIBILITIES,
    COMPATIBLE_PROCEDURES,
    MONITORING_AND_EVALUATION
}
