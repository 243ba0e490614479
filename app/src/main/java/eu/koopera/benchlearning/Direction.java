package eu.koopera.benchlearning;

/** Which way an indicator's values are better. NEUTRAL values are ranked by size but never called good or bad. */
public enum Direction {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER,
    NEUTRAL
}
