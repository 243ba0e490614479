package eu.koopera.networks;

import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.util.Optional;

import static eu.koopera.jooq.platform.Tables.CALENDAR_TOKEN;

/**
 * Calendar subscription tokens in the platform schema, by hash. They sit outside the associations' schemas
 * because the feed's anonymous request names no association until its token is found.
 */
@Singleton
class CalendarTokenQueries {

    private final DSLContext sql;

    CalendarTokenQueries(DSLContext sql) {
        this.sql = sql;
    }

    /** Gives the user a token with this hash, replacing the one they had. */
    void replace(String tenant, String username, String hash) {
        sql.insertInto(CALENDAR_TOKEN)
                .set(CALENDAR_TOKEN.TENANT_CODE, tenant)
                .set(CALENDAR_TOKEN.USERNAME, username)
                .set(CALENDAR_TOKEN.TOKEN_HASH, hash)
                .onConflict(CALENDAR_TOKEN.TENANT_CODE, CALENDAR_TOKEN.USERNAME).doUpdate()
                .set(CALENDAR_TOKEN.TOKEN_HASH, hash)
                .set(CALENDAR_TOKEN.CREATED_AT, OffsetDateTime.now())
                .execute();
    }

    /** Revokes the user's token; false when they had none. */
    boolean delete(String tenant, String username) {
        return sql.deleteFrom(CALENDAR_TOKEN)
                .where(CALENDAR_TOKEN.TENANT_CODE.eq(tenant), CALENDAR_TOKEN.USERNAME.eq(username))
                .execute() == 1;
    }

    /** Whose token has this hash. */
    Optional<Holder> find(String hash) {
        return sql.select(CALENDAR_TOKEN.TENANT_CODE, CALENDAR_TOKEN.USERNAME).from(CALENDAR_TOKEN)
                .where(CALENDAR_TOKEN.TOKEN_HASH.eq(hash))
                .fetchOptional(row -> new Holder(row.value1(), row.value2()));
    }

    /** The user a token belongs to. */
    record Holder(String tenant, String username) {
    }
}
