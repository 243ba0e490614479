package eu.koopera.benchlearning;

/** Whether a value may still change (PRELIMINARY) or is the source's final figure. */
public enum ValueStatus {
    PRELIMINARY,
    FINAL
}
