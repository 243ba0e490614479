package eu.koopera.partnerships;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Money a party spent under the agreement.
 *
 * @param party    the party's id, as the agreement lists it
 * @param date     when it was spent
 * @param amount   more than zero, with at most two decimal places
 * @param currency ISO 4217; when absent, that of the party's commitment for the year, else EUR
 * @param purpose  what it was spent on
 */
@Serdeable
public record SpendingCommand(@NotNull UUID party, @NotNull LocalDate date, @NotNull BigDecimal amount,
                              @Nullable String currency, @NotBlank @Size(max = 1000) String purpose) {
}
