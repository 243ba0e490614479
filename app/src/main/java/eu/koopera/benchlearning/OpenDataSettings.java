package eu.koopera.benchlearning;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Limits of the anonymous open-data endpoints ({@code koopera.open-data.*}).
 *
 * @param requestsPerMinute requests one client address may make per minute
 * @param maxAge            how long clients and caches may keep an answer
 * @param maxClients        client addresses tracked at once; beyond it the oldest buckets are forgotten
 */
@ConfigurationProperties("koopera.open-data")
public record OpenDataSettings(@Bindable(defaultValue = "120") int requestsPerMinute,
                               @Bindable(defaultValue = "5m") Duration maxAge,
                               @Bindable(defaultValue = "10000") int maxClients) {
}
