package eu.koopera.platform.database;

import java.sql.SQLException;
import java.util.Set;

/** Recognises PostgreSQL errors by SQL state anywhere in an exception's cause chain. */
public final class SqlStates {

    /** {@code unique_violation}. */
    public static final String UNIQUE_VIOLATION = "23505";
    /**
     * Text the database cannot store: {@code character_not_in_repertoire} (a NUL character) and
     * {@code untranslatable_character}.
     */
    public static final Set<String> UNSTORABLE_TEXT = Set.of("22021", "22P05");

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

    /**
     * Whether {@code error} was caused by losing the database connection: a connection failure (class 08), the
     * server terminating the session (57P01 to 57P03, as {@code pg_terminate_backend} or a restart does), or the
     * pool having no connection to give. The request may succeed when tried again.
     */
    public static boolean connectionLost(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLTransientConnectionException
                    || cause instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && "Connection is closed".equals(sql.getMessage())) {
                return true; // HikariCP's answer once the server ended the session under the transaction
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
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
