package eu.koopera.migrations;

/**
 * How far a schema has been migrated.
 *
 * @param lastChangeSet id of the last change set applied, or null for an empty schema
 * @param appliedCount  number of change sets applied
 */
public record SchemaVersion(String lastChangeSet, int appliedCount) {

    public static final SchemaVersion EMPTY = new SchemaVersion(null, 0);

    /** A short label for operators, such as {@code 2:create-member}. */
    public String label() {
        return lastChangeSet == null ? "0" : appliedCount + ":" + lastChangeSet;
    }
}
