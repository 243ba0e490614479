package eu.koopera.partnerships;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.UUID;

/** A party's commitment for one year, as stored. */
@Serdeable
public record CommitmentResponse(UUID id, UUID party, int year, BigDecimal amount, String currency) {
}
