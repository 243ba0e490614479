package eu.koopera.platform.tabular;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * How many imports and exports may run at once. Each one holds a whole register in memory and a core while it
 * parses or writes a workbook, so an unbounded number of them would starve logins, reads and the health check.
 *
 * @param concurrency          files read or written at the same time in the whole process; 0 means one per
 *                             available processor
 * @param concurrencyPerTenant files read or written at the same time for one association
 * @param maxWait              how long a request waits for its turn before it is answered 429
 */
@ConfigurationProperties("koopera.table-files")
public record TableFileSettings(int concurrency, int concurrencyPerTenant, Duration maxWait) {

    /** The number of files that may be worked on at once, resolving 0 to the processors available to the JVM. */
    public int permits() {
        return concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors();
    }

    /** The number of files one association may have worked on at once, never more than {@link #permits()}. */
    public int permitsPerTenant() {
        return Math.max(1, Math.min(concurrencyPerTenant, permits()));
    }
}
