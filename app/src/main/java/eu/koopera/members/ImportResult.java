package eu.koopera.members;

import io.micronaut.serde.annotation.Serdeable;

/**
 * What an import did, or would do on a dry run.
 *
 * @param created rows that became new members
 * @param updated rows that updated the member with the same code
 * @param dryRun  whether nothing was written
 */
@Serdeable
public record ImportResult(int created, int updated, boolean dryRun) {
}
