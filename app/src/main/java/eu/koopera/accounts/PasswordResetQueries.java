package eu.koopera.accounts;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import static eu.koopera.jooq.platform.Tables.PASSWORD_RESET_TOKEN;

/** Password-reset links in the {@code platform} schema, stored as the SHA-256 hash of their token. */
@Singleton
class PasswordResetQueries {

    private final DSLContext sql;

    PasswordResetQueries(DSLContext sql) {
        this.sql = sql;
    }

    void insert(String tokenHash, @Nullable String tenantCode, String username, String locale, Instant expiresAt,
                Instant now) {
        sql.insertInto(PASSWORD_RESET_TOKEN).set(PASSWORD_RESET_TOKEN.TOKEN_HASH, tokenHash)
                .set(PASSWORD_RESET_TOKEN.TENANT_CODE, tenantCode).set(PASSWORD_RESET_TOKEN.USERNAME, username)
                .set(PASSWORD_RESET_TOKEN.LOCALE, locale).set(PASSWORD_RESET_TOKEN.EXPIRES_AT, at(expiresAt))
                .set(PASSWORD_RESET_TOKEN.CREATED_AT, at(now)).execute();
    }

    Optional<Link> find(String tokenHash) {
        return sql.select().from(PASSWORD_RESET_TOKEN).where(PASSWORD_RESET_TOKEN.TOKEN_HASH.eq(tokenHash))
                .fetchOptional().map(PasswordResetQueries::link);
    }

    /** Marks the link used if it is still usable, in one statement; whether this call did. */
    boolean use(String tokenHash, Instant now) {
        return sql.update(PASSWORD_RESET_TOKEN).set(PASSWORD_RESET_TOKEN.USED_AT, at(now))
                .where(PASSWORD_RESET_TOKEN.TOKEN_HASH.eq(tokenHash).and(PASSWORD_RESET_TOKEN.USED_AT.isNull())
                        .and(PASSWORD_RESET_TOKEN.EXPIRES_AT.gt(at(now)))).execute() == 1;
    }

    /** Makes the account's other unused links unusable, once one was used. */
    void retireOthers(@Nullable String tenantCode, String username, Instant now) {
        sql.update(PASSWORD_RESET_TOKEN).set(PASSWORD_RESET_TOKEN.USED_AT, at(now))
                .where(PASSWORD_RESET_TOKEN.USERNAME.eq(username)
                        .and(tenantCode == null ? PASSWORD_RESET_TOKEN.TENANT_CODE.isNull()
                                : PASSWORD_RESET_TOKEN.TENANT_CODE.eq(tenantCode))
                        .and(PASSWORD_RESET_TOKEN.USED_AT.isNull())).execute();
    }

    private static Link link(Record row) {
        return new Link(row.get(PASSWORD_RESET_TOKEN.TENANT_CODE), row.get(PASSWORD_RESET_TOKEN.USERNAME),
                row.get(PASSWORD_RESET_TOKEN.LOCALE), row.get(PASSWORD_RESET_TOKEN.EXPIRES_AT).toInstant(),
                row.get(PASSWORD_RESET_TOKEN.USED_AT) != null);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A stored reset link. */
    record Link(@Nullable String tenantCode, String username, @Nullable String locale, Instant expiresAt,
                boolean used) {
    }
}
