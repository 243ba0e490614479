package eu.koopera.partnerships;

import io.micronaut.serde.annotation.Serdeable;

/**
 * What an import of foreign municipalities did, or would do on a dry run.
 *
 * @param created rows that added a municipality
 * @param updated rows that updated the municipality of the same name and country
 * @param dryRun  whether nothing was written
 */
@Serdeable
public record ForeignImportResult(int created, int updated, boolean dryRun) {
}
