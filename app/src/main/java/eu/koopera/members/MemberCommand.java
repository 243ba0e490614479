package eu.koopera.members;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * The profile of a member organisation, for creating or replacing one.
 *
 * @param name             official name
 * @param code             official code, unique within the association (ATVK code, savivaldybės kodas, ISO 3166-2)
 * @param kind             what kind of local government it is
 * @param country          ISO 3166-1 alpha-2 code
 * @param region           region or planning region
 * @param population       inhabitants
 * @param populationYear   the year the population figure refers to
 * @param address          postal address
 * @param website          http(s) address of its website
 * @param notes            free text
 * @param membershipStatus on creation only: the initial status (default ACTIVE); later changes go through the
 *                         membership endpoint so that history is kept
 * @param version          on replacement: the version the client last read; required, a stale one is refused
 */
@Serdeable
public record MemberCommand(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$",
                message = "must be 1 to 32 letters, digits or . _ -, starting with a letter or digit") String code,
        @Nullable MemberKind kind,
        @Nullable @Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166-1 alpha-2 code such as LV") String country,
        @Nullable @Size(max = 100) String region,
        @Nullable @PositiveOrZero @Max(100_000_000) Integer population,
        @Nullable @Min(1800) @Max(2200) Integer populationYear,
        @Nullable @Size(max = 300) String address,
        @Nullable @Size(max = 300) @Pattern(regexp = "^https?://[^\\s]+$", message = "must be an http(s) address")
        String website,
        @Nullable @Size(max = 4000) String notes,
        @Nullable MembershipStatus membershipStatus,
        @Nullable Long version) {

    /** A command with only the required fields, for tests and imports. */
    public static MemberCommand of(String name, String code) {
        return new MemberCommand(name, code, null, null, null, null, null, null, null, null, null, null);
    }
}
