package eu.koopera.migrations;

/** A schema could not be brought to the changelog's version. */
public class MigrationException extends RuntimeException {

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
