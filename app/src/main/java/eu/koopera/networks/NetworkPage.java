package eu.koopera.networks;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** One page of networks and how many match in all. */
@Serdeable
public record NetworkPage(List<NetworkResponse> items, int page, int size, long total) {
}
