package eu.koopera.people;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * What users may change in their own person record; organisation, email and notes stay with the administrators.
 *
 * @param version the version the client last read; required, a stale one is refused
 */
@Serdeable
public record ProfileCommand(
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @Nullable @Size(max = 200) String position,
        @Nullable @Size(max = 50) @Pattern(regexp = ContactRules.PHONE, message = ContactRules.PHONE_MESSAGE)
        String phone,
        @Nullable @Size(max = ContactRules.MAX_LANGUAGES) List<@NotBlank @Size(max = 8) String> languages,
        @Nullable Long version) {
}
