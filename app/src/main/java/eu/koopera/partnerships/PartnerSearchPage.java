package eu.koopera.partnerships;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** One page of partner search results, by name. */
@Serdeable
public record PartnerSearchPage(List<PartnerCandidate> items, int page, int size, int total) {
}
