package eu.koopera.accounts;

import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static eu.koopera.jooq.platform.Tables.PLATFORM_USER;
import static eu.koopera.jooq.tenant.Tables.APP_USER;

/**
 * Failed-login bookkeeping of accounts, each change one atomic statement, so that parallel logins neither lose a
 * failure nor shorten a wait another one set. Tenant users are those of the tenant bound to the connection;
 * operators live in the {@code platform} schema.
 */
@Singleton
class LoginQueries {

    private final DSLContext sql;

    LoginQueries(DSLContext sql) {
        this.sql = sql;
    }

    /** Adds one failure to the account's count; the count now stored. */
    int countFailure(Kind kind, long id) {
        Columns users = columns(kind);
        Integer count = sql.update(users.table()).set(users.failedLogins(), users.failedLogins().plus(1))
                .where(users.id().eq(id))
                .returningResult(users.failedLogins()).fetchOne(users.failedLogins());
        return count == null ? 0 : count;
    }

    /**
     * Throttles the account until {@code until}, unless a later wait is already set or the count fell below
     * {@code failures} since (a successful login reset it).
     */
    void throttle(Kind kind, long id, int failures, Instant until) {
        Columns users = columns(kind);
        Field<OffsetDateTime> wanted = DSL.val(until.atOffset(ZoneOffset.UTC), users.lockedUntil());
        sql.update(users.table())
                .set(users.lockedUntil(), DSL.greatest(DSL.coalesce(users.lockedUntil(), wanted), wanted))
                .where(users.id().eq(id).and(users.failedLogins().ge(failures)))
                .execute();
    }

    /** Forgets the account's failures and wait, after a successful login. */
    void reset(Kind kind, long id) {
        Columns users = columns(kind);
        sql.update(users.table()).set(users.failedLogins(), 0).setNull(users.lockedUntil())
                .where(users.id().eq(id)).execute();
    }

    private static Columns columns(Kind kind) {
        return switch (kind) {
            case TENANT_USER -> new Columns(APP_USER, APP_USER.ID, APP_USER.FAILED_LOGINS, APP_USER.LOCKED_UNTIL);
            case OPERATOR -> new Columns(PLATFORM_USER, PLATFORM_USER.ID, PLATFORM_USER.FAILED_LOGINS,
                    PLATFORM_USER.LOCKED_UNTIL);
        };
    }

    /** The two kinds of account: tenant users in the tenant's {@code app_user}, operators in the platform's. */
    enum Kind {
        TENANT_USER, OPERATOR
    }

    private record Columns(Table<?> table, Field<Long> id, Field<Integer> failedLogins,
                           Field<OffsetDateTime> lockedUntil) {
    }
}
