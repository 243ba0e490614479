package eu.koopera.accounts;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import static eu.koopera.jooq.platform.Tables.REFRESH_TOKEN;

/**
 * Refresh tokens, stored as SHA-256 hashes. Each sign-in starts a family; each refresh revokes the token it used
 * and issues the next of the same family, which ends no later than the family's absolute end.
 */
@Singleton
class SessionQueries {

    private final DSLContext sql;

    SessionQueries(DSLContext sql) {
        this.sql = sql;
    }

    void insert(String tokenHash, @Nullable String tenantCode, String username, UUID family, Instant expiresAt,
                Instant sessionExpiresAt, Instant now) {
        sql.insertInto(REFRESH_TOKEN).set(REFRESH_TOKEN.TOKEN_HASH, tokenHash)
                .set(REFRESH_TOKEN.TENANT_CODE, tenantCode).set(REFRESH_TOKEN.USERNAME, username)
                .set(REFRESH_TOKEN.FAMILY_ID, family).set(REFRESH_TOKEN.EXPIRES_AT, at(expiresAt))
                .set(REFRESH_TOKEN.SESSION_EXPIRES_AT, at(sessionExpiresAt)).set(REFRESH_TOKEN.CREATED_AT, at(now))
                .execute();
    }

    /**
     * Revokes the token if it is live, in one statement, so that of two uses at once exactly one succeeds; the
     * token as it was when this call revoked it.
     */
    Optional<Stored> use(String tokenHash, Instant now) {
        return sql.update(REFRESH_TOKEN).set(REFRESH_TOKEN.REVOKED_AT, at(now))
                .where(REFRESH_TOKEN.TOKEN_HASH.eq(tokenHash).and(REFRESH_TOKEN.REVOKED_AT.isNull())
                        .and(REFRESH_TOKEN.EXPIRES_AT.gt(at(now)))
                        .and(REFRESH_TOKEN.SESSION_EXPIRES_AT.gt(at(now))))
                .returning().fetchOptional().map(SessionQueries::stored);
    }

    /** The token with this hash, live or not. */
    Optional<Stored> find(String tokenHash) {
        return sql.selectFrom(REFRESH_TOKEN).where(REFRESH_TOKEN.TOKEN_HASH.eq(tokenHash)).fetchOptional()
                .map(SessionQueries::stored);
    }

    /** Revokes every live token of a family; how many. */
    int revokeFamily(UUID family, Instant now) {
        return sql.update(REFRESH_TOKEN).set(REFRESH_TOKEN.REVOKED_AT, at(now))
                .where(REFRESH_TOKEN.FAMILY_ID.eq(family).and(REFRESH_TOKEN.REVOKED_AT.isNull())).execute();
    }

    /** Revokes every live token of an account; how many. */
    int revokeAccount(@Nullable String tenantCode, String username, Instant now) {
        return sql.update(REFRESH_TOKEN).set(REFRESH_TOKEN.REVOKED_AT, at(now))
                .where(REFRESH_TOKEN.USERNAME.eq(username)
                        .and(tenantCode == null ? REFRESH_TOKEN.TENANT_CODE.isNull()
                                : REFRESH_TOKEN.TENANT_CODE.eq(tenantCode))
                        .and(REFRESH_TOKEN.REVOKED_AT.isNull())).execute();
    }

    private static Stored stored(Record token) {
        return new Stored(token.get(REFRESH_TOKEN.TENANT_CODE), token.get(REFRESH_TOKEN.USERNAME),
                token.get(REFRESH_TOKEN.FAMILY_ID), token.get(REFRESH_TOKEN.SESSION_EXPIRES_AT).toInstant(),
                token.get(REFRESH_TOKEN.REVOKED_AT) != null);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A stored refresh token. */
    record Stored(@Nullable String tenantCode, String username, UUID family, Instant sessionExpiresAt,
                  boolean revoked) {
    }
}
