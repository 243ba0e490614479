package eu.koopera.people;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A person's details, for creating or replacing one.
 *
 * @param memberId  the member organisation the person belongs to
 * @param firstName given name
 * @param lastName  family name
 * @param position  job title or role in the organisation
 * @param email     unique within the association, regardless of case
 * @param phone     phone number
 * @param languages ISO 639-1 codes such as {@code lv}, {@code lt}, {@code en}, {@code ru}
 * @param notes     free text, shown to association administrators only
 * @param version   on replacement: the version the client last read; required, a stale one is refused
 */
@Serdeable
public record PersonCommand(
        @NotNull Long memberId,
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @Nullable @Size(max = 200) String position,
        @Nullable @Size(max = 254) @Pattern(regexp = ContactRules.EMAIL, message = ContactRules.EMAIL_MESSAGE)
        String email,
        @Nullable @Size(max = 50) @Pattern(regexp = ContactRules.PHONE, message = ContactRules.PHONE_MESSAGE)
        String phone,
        @Nullable @Size(max = ContactRules.MAX_LANGUAGES) List<@NotBlank @Size(max = 8) String> languages,
        @Nullable @Size(max = 4000) String notes,
        @Nullable Long version) {

    /** A command with only the required fields and an email, for tests and demo data. */
    public static PersonCommand of(long memberId, String firstName, String lastName, @Nullable String email) {
        return new PersonCommand(memberId, firstName, lastName, null, email, null, null, null, null);
    }
}
