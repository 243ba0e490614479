package eu.koopera.partnerships;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A community organisation (an NGO, a social enterprise...).
 *
 * @param name           its name, up to 300 characters
 * @param registrationNo its registration number, if it has one
 * @param kind           what kind of organisation it is, in the association's words
 */
@Serdeable
public record Organisation(@NotBlank @Size(max = 300) String name, @Nullable @Size(max = 50) String registrationNo,
                           @Nullable @Size(max = 100) String kind) {
}
