package eu.koopera.associations;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Registers an association.
 *
 * @param code          lower-case code, also the host name prefix, such as {@code lps}
 * @param name          the association's name
 * @param country       ISO 3166-1 alpha-2 code
 * @param defaultLocale language for its new users: {@code lv}, {@code lt} or {@code en}
 */
@Serdeable
public record CreateTenantCommand(
        @NotNull @Pattern(regexp = "^[a-z][a-z0-9_]{1,30}$",
                message = "must be 2 to 31 characters: a lower-case letter, then lower-case letters, digits or _")
        String code,
        @NotBlank @Size(max = 200) String name,
        @NotNull @Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166-1 alpha-2 code such as LV") String country,
        @NotNull @Pattern(regexp = "^(lv|lt|en)$", message = "must be lv, lt or en") String defaultLocale) {
}
