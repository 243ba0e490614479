package eu.koopera.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** An account that works across tenants: a platform operator. */
@MappedEntity(value = "platform_user", schema = "platform")
public record PlatformUser(
        @Id @GeneratedValue @Nullable Long id,
        String username,
        String passwordHash,
        @Nullable String email,
        @Nullable String displayName,
        @Nullable String locale,
        int failedLogins,
        @Nullable Instant lockedUntil,
        Instant createdAt) {
}
