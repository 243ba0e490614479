package eu.koopera.platform.security;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * How many password hashes may run at once. Each Argon2 computation holds 19 MiB and a core for tens of
 * milliseconds, so an unbounded number of parallel logins would exhaust memory and starve every other request.
 *
 * @param concurrency hashes computed at the same time; 0 means one per available processor
 * @param maxWait     how long a login waits for its turn before it is answered 429
 */
@ConfigurationProperties("koopera.password-hashing")
public record PasswordHashingSettings(int concurrency, Duration maxWait) {

    /** The number of hashes that may run at once, resolving 0 to the processors available to the JVM. */
    public int permits() {
        return concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors();
    }
}
