package eu.koopera.associations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Set;

/**
 * A user to create inside a tenant.
 *
 * @param username    letters, digits and {@code . _ - @}
 * @param password    at least 12 characters
 * @param email       contact address
 * @param displayName full name
 * @param roles       tenant roles such as {@code ASSOCIATION_ADMIN}
 */
@Serdeable
public record CreateTenantUserCommand(
        @NotNull @Pattern(regexp = "^[A-Za-z0-9._@-]{3,64}$",
                message = "must be 3 to 64 letters, digits or . _ - @") String username,
        @NotBlank @Size(min = 12, max = 256, message = "must be 12 to 256 characters") String password,
        @Nullable @Email @Size(max = 254) String email,
        @Nullable @Size(max = 200) String displayName,
        @NotEmpty Set<@NotBlank String> roles) {
}
