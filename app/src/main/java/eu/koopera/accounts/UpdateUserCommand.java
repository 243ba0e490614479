package eu.koopera.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Set;

/**
 * Changes to an account an administrator makes; fields left out stay as they are.
 *
 * @param enabled            false disables the account and ends its sessions; true enables it again
 * @param roles              its new roles (tenant users only)
 * @param mustChangePassword true forces a new password at the next sign-in and ends its sessions
 */
@Serdeable
public record UpdateUserCommand(@Nullable Boolean enabled, @Nullable Set<String> roles,
                                @Nullable Boolean mustChangePassword) {
}
