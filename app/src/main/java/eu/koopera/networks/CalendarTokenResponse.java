package eu.koopera.networks;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A personal calendar subscription, shown once: only its hash is kept.
 *
 * @param url the feed's address, to paste into a calendar application
 */
@Serdeable
public record CalendarTokenResponse(String url) {
}
