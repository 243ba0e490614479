package eu.koopera.partnerships;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** One page of agreements and how many there are in all. */
@Serdeable
public record AgreementPage(List<AgreementResponse> items, int page, int size, int total) {
}
