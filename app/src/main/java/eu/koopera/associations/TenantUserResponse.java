package eu.koopera.associations;

import eu.koopera.accounts.TenantUser;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Set;

/** A tenant user, without credentials. */
@Serdeable
public record TenantUserResponse(Long id, String username, @Nullable String email, @Nullable String displayName,
                                 Set<String> roles, String status) {

    static TenantUserResponse of(TenantUser user) {
        return new TenantUserResponse(user.id(), user.username(), user.email(), user.displayName(), user.roleSet(),
                user.status());
    }
}
