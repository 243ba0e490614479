package eu.koopera.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A refresh token, stored only as its SHA-256 hash. */
@MappedEntity(value = "refresh_token", schema = "platform")
public record RefreshToken(
        @Id @GeneratedValue @Nullable Long id,
        String tokenHash,
        @Nullable String tenantCode,
        String username,
        Instant expiresAt,
        @Nullable Instant revokedAt,
        Instant createdAt) {
}
