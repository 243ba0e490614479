package eu.koopera.benchlearning;

import io.micronaut.serde.annotation.Serdeable;

/**
 * What an import of indicator values did (or, on a dry run, would do).
 *
 * @param created   values that did not exist
 * @param updated   values whose figure or status changed
 * @param unchanged values given again as they were
 * @param dryRun    whether nothing was written
 */
@Serdeable
public record ValueImportResult(int created, int updated, int unchanged, boolean dryRun) {
}
