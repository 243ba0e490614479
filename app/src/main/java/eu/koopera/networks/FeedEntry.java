package eu.koopera.networks;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Map;

/**
 * One thing that happened in a network, to be rendered in the reader's language from {@code messageKey} and
 * {@code parameters}.
 */
@Serdeable
public record FeedEntry(Instant occurredAt, String tenant, String username, FeedKind kind, String messageKey,
                        Map<String, Object> parameters) {
}
