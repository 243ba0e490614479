package eu.koopera.partnerships;

/** Where one step of a partnership plan stands. */
public enum StepStatus {
    NOT_STARTED,
    IN_PROGRESS,
    DONE
}
