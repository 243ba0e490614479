package eu.koopera.partnerships;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What a party commits to spend in one year.
 *
 * @param party    the party's id, as the agreement lists it
 * @param year     the year, inside the agreement's period
 * @param amount   more than zero, with at most two decimal places
 * @param currency ISO 4217, such as {@code EUR}
 */
@Serdeable
public record CommitmentCommand(@NotNull UUID party, @NotNull Integer year, @NotNull BigDecimal amount,
                                @NotBlank String currency) {
}
