package eu.koopera.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Set;

/**
 * An account as administrators see it: a user of an association, or an operator (then without id and roles).
 *
 * @param mustChangePassword whether the account must choose a new password at its next sign-in
 */
@Serdeable
public record UserResponse(@Nullable Long id, String username, @Nullable String email, @Nullable String displayName,
                           Set<String> roles, boolean enabled, boolean mustChangePassword) {

    static UserResponse of(AccountQueries.AccountRow row) {
        return new UserResponse(row.kind() == LoginQueries.Kind.TENANT_USER ? row.id() : null, row.username(),
                row.email(), row.displayName(), row.roles(), row.enabled(), row.mustChangePassword());
    }
}
