package eu.koopera.accounts;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Optional;

/** Refresh tokens in the {@code platform} schema. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RefreshTokenRepository extends CrudRepository<RefreshToken, Long> {

    Optional<RefreshToken> findByTokenHash(String tokenHash);

    /** Revokes the token if it is still live; returns 1 when this call revoked it. */
    @Query("UPDATE platform.refresh_token SET revoked_at = :now WHERE token_hash = :tokenHash AND revoked_at IS NULL")
    int revoke(String tokenHash, Instant now);
}
