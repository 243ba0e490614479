package eu.koopera.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** An account inside one tenant; lives in the tenant's schema. */
@MappedEntity("app_user")
public record TenantUser(
        @Id @GeneratedValue @Nullable Long id,
        String username,
        String passwordHash,
        @Nullable String email,
        @Nullable String displayName,
        String roles,
        @Nullable String locale,
        String status,
        int failedLogins,
        @Nullable Instant lockedUntil,
        Instant createdAt) {

    public static final String ACTIVE = "ACTIVE";
    public static final String DISABLED = "DISABLED";

    public Set<String> roleSet() {
        return roleSetOf(roles);
    }

    /** The roles stored as {@code roles}, a comma-separated list. */
    public static Set<String> roleSetOf(String roles) {
        return Arrays.stream(roles.split(",")).map(String::strip).filter(role -> !role.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    public static String joinRoles(Set<String> roles) {
        return String.join(",", new TreeSet<>(roles));
    }
}
