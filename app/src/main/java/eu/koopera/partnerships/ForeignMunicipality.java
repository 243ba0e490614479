package eu.koopera.partnerships;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A municipality outside the associations.
 *
 * @param name    its name, up to 300 characters
 * @param country its country, ISO 3166-1 alpha-2 (such as {@code SE})
 */
@Serdeable
public record ForeignMunicipality(@NotBlank @Size(max = 300) String name, @NotBlank @Size(max = 2) String country) {
}
