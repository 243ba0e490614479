package eu.koopera.accounts;

import eu.koopera.jooq.tenant.tables.records.AppUserRecord;
import eu.koopera.platform.security.Roles;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static eu.koopera.jooq.platform.Tables.PLATFORM_USER;
import static eu.koopera.jooq.tenant.Tables.APP_USER;

/**
 * Account state beyond the login bookkeeping: passwords, enabled, forced password changes and the moment an
 * account's sessions ended. Tenant users are those of the tenant bound to the connection; operators live in the
 * {@code platform} schema.
 */
@Singleton
class AccountQueries {

    private final DSLContext sql;

    AccountQueries(DSLContext sql) {
        this.sql = sql;
    }

    /** The tenant user with this name in the bound tenant. */
    Optional<AccountRow> tenantUser(String username) {
        return sql.selectFrom(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchOptional()
                .map(AccountQueries::tenantRow);
    }

    /** The tenant user with this id in the bound tenant, locked for update. */
    Optional<AccountRow> lockTenantUser(long id) {
        return sql.selectFrom(APP_USER).where(APP_USER.ID.eq(id)).forUpdate().fetchOptional()
                .map(AccountQueries::tenantRow);
    }

    /** The users of the bound tenant, by name. */
    List<AccountRow> tenantUsers() {
        return sql.selectFrom(APP_USER).orderBy(APP_USER.USERNAME).fetch(AccountQueries::tenantRow);
    }

    /** The operator with this name. */
    Optional<AccountRow> operator(String username) {
        return sql.select().from(PLATFORM_USER).where(PLATFORM_USER.USERNAME.eq(username)).fetchOptional()
                .map(AccountQueries::operatorRow);
    }

    /** All operators, by name. */
    List<AccountRow> operators() {
        return sql.select().from(PLATFORM_USER).orderBy(PLATFORM_USER.USERNAME).fetch(AccountQueries::operatorRow);
    }

    /**
     * Locks every enabled operator's row, so that two requests disabling operators at once see each other's
     * result; the names of those still enabled.
     */
    List<String> lockEnabledOperators() {
        return sql.select(PLATFORM_USER.USERNAME).from(PLATFORM_USER).where(PLATFORM_USER.ENABLED.isTrue())
                .orderBy(PLATFORM_USER.ID).forUpdate().fetch(PLATFORM_USER.USERNAME);
    }

    /** Sets a new password hash; ends the account's earlier sessions at {@code now}. */
    void setPassword(LoginQueries.Kind kind, long id, String hash, boolean mustChange, Instant now) {
        OffsetDateTime at = at(now);
        switch (kind) {
            case TENANT_USER -> sql.update(APP_USER).set(APP_USER.PASSWORD_HASH, hash)
                    .set(APP_USER.MUST_CHANGE_PASSWORD, mustChange).set(APP_USER.SESSIONS_VALID_AFTER, at)
                    .set(APP_USER.FAILED_LOGINS, 0).setNull(APP_USER.LOCKED_UNTIL)
                    .where(APP_USER.ID.eq(id)).execute();
            case OPERATOR -> sql.update(PLATFORM_USER).set(PLATFORM_USER.PASSWORD_HASH, hash)
                    .set(PLATFORM_USER.MUST_CHANGE_PASSWORD, mustChange).set(PLATFORM_USER.SESSIONS_VALID_AFTER, at)
                    .set(PLATFORM_USER.FAILED_LOGINS, 0).setNull(PLATFORM_USER.LOCKED_UNTIL)
                    .where(PLATFORM_USER.ID.eq(id)).execute();
        }
    }

    /** Ends all sessions of the account that began before {@code now}. */
    void endSessions(LoginQueries.Kind kind, long id, Instant now) {
        switch (kind) {
            case TENANT_USER -> sql.update(APP_USER).set(APP_USER.SESSIONS_VALID_AFTER, at(now))
                    .where(APP_USER.ID.eq(id)).execute();
            case OPERATOR -> sql.update(PLATFORM_USER).set(PLATFORM_USER.SESSIONS_VALID_AFTER, at(now))
                    .where(PLATFORM_USER.ID.eq(id)).execute();
        }
    }

    /** Changes a tenant user; null leaves a value as it is. */
    void updateTenantUser(long id, @Nullable Boolean enabled, @Nullable Set<String> roles,
                          @Nullable Boolean mustChangePassword) {
        Map<Field<?>, Object> changes = new HashMap<>();
        if (enabled != null) {
            changes.put(APP_USER.STATUS, enabled ? TenantUser.ACTIVE : TenantUser.DISABLED);
        }
        if (roles != null) {
            changes.put(APP_USER.ROLES, TenantUser.joinRoles(roles));
        }
        if (mustChangePassword != null) {
            changes.put(APP_USER.MUST_CHANGE_PASSWORD, mustChangePassword);
        }
        if (!changes.isEmpty()) {
            sql.update(APP_USER).set(changes).where(APP_USER.ID.eq(id)).execute();
        }
    }

    /** Enables or disables an operator. */
    void setOperatorEnabled(long id, boolean enabled) {
        sql.update(PLATFORM_USER).set(PLATFORM_USER.ENABLED, enabled).where(PLATFORM_USER.ID.eq(id)).execute();
    }

    /** A new operator who must change the given password at first sign-in when {@code mustChange}. */
    long insertOperator(String username, String hash, @Nullable String email, @Nullable String displayName,
                        boolean mustChange) {
        return sql.insertInto(PLATFORM_USER).set(PLATFORM_USER.USERNAME, username)
                .set(PLATFORM_USER.PASSWORD_HASH, hash).set(PLATFORM_USER.EMAIL, email)
                .set(PLATFORM_USER.DISPLAY_NAME, displayName).set(PLATFORM_USER.MUST_CHANGE_PASSWORD, mustChange)
                .returningResult(PLATFORM_USER.ID).fetchSingle(PLATFORM_USER.ID);
    }

    private static AccountRow tenantRow(AppUserRecord user) {
        return new AccountRow(LoginQueries.Kind.TENANT_USER, user.getId(), user.getUsername(),
                user.getPasswordHash(), user.getEmail(), user.getDisplayName(),
                TenantUser.roleSetOf(user.getRoles()),
                user.getLocale(), TenantUser.ACTIVE.equals(user.getStatus()), user.getMustChangePassword(),
                instant(user.getSessionsValidAfter()));
    }

    private static AccountRow operatorRow(Record user) {
        return new AccountRow(LoginQueries.Kind.OPERATOR, user.get(PLATFORM_USER.ID),
                user.get(PLATFORM_USER.USERNAME), user.get(PLATFORM_USER.PASSWORD_HASH),
                user.get(PLATFORM_USER.EMAIL), user.get(PLATFORM_USER.DISPLAY_NAME),
                Set.of(Roles.PLATFORM_OPERATOR), user.get(PLATFORM_USER.LOCALE),
                user.get(PLATFORM_USER.ENABLED), user.get(PLATFORM_USER.MUST_CHANGE_PASSWORD),
                instant(user.get(PLATFORM_USER.SESSIONS_VALID_AFTER)));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /**
     * An account with its state.
     *
     * @param sessionsValidAfter sessions begun before this moment have ended; null when none did
     */
    record AccountRow(LoginQueries.Kind kind, long id, String username, String passwordHash, @Nullable String email,
                      @Nullable String displayName, Set<String> roles, @Nullable String locale, boolean enabled,
                      boolean mustChangePassword, @Nullable Instant sessionsValidAfter) {
    }
}
