package eu.koopera.platform.database;

import java.sql.SQLException;
import java.util.Set;

/** Recognises PostgreSQL errors by SQL state anywhere in an exception's cause chain. */
public final class SqlStates {

    /** {@code unique_violation}. */
    public static final String UNIQUE_VIOLATION = "23505";

    private SqlStates() {
    }

    /** Whether {@code error} or one of its causes is a PostgreSQL error with one of {@code states}. */
    public static boolean causedBy(Throwable error, Set<String> states) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && states.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code error} was caused by a unique constraint. */
    public static boolean uniqueViolation(Throwable error) {
        return causedBy(error, Set.of(UNIQUE_VIOLATION));
    }
}
