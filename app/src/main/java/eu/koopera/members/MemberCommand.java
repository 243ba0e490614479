package eu.koopera.members;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * The fields of a member organisation, for creating or replacing one.
 *
 * @param name       official name
 * @param code       official code, unique within the association (ATVK, savivaldybės kodas, ISO 3166-2...)
 * @param kind       what kind of local government it is
 * @param region     region or planning region
 * @param population inhabitants
 * @param version    for a replacement, the version the client last read; a stale one is refused
 */
@Serdeable
public record MemberCommand(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$",
                message = "must be 1 to 32 letters, digits or . _ -, starting with a letter or digit") String code,
        @Nullable MemberKind kind,
        @Nullable @Size(max = 100) String region,
        @Nullable @PositiveOrZero @Max(100_000_000) Integer population,
        @Nullable Long version) {
}
