package eu.koopera.partnerships;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A spending entry as stored. */
@Serdeable
public record SpendingResponse(UUID id, UUID party, LocalDate date, BigDecimal amount, String currency,
                               String purpose) {
}
