package eu.koopera.platform.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.propagation.PropagatedContextElement;

import java.util.Set;

/**
 * Who is making the current call, as verified from their token or UI session.
 *
 * @param username   the account name
 * @param tenantCode the tenant the account belongs to, or null for platform operators
 * @param roles      the account's roles
 */
public record Caller(String username, @Nullable String tenantCode, Set<String> roles) implements PropagatedContextElement {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isOperator() {
        return tenantCode == null && hasRole(Roles.PLATFORM_OPERATOR);
    }
}
