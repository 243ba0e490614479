package eu.koopera.networks;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** One page of a network's feed, newest first, and how many entries it has in all. */
@Serdeable
public record FeedPage(List<FeedEntry> items, int page, int size, long total) {
}
