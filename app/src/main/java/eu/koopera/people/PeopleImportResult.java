package eu.koopera.people;

import io.micronaut.serde.annotation.Serdeable;

/**
 * What a people import did, or would do on a dry run.
 *
 * @param created rows that became new people
 * @param updated rows that updated the person with the same email
 * @param dryRun  whether nothing was written
 */
@Serdeable
public record PeopleImportResult(int created, int updated, boolean dryRun) {
}
