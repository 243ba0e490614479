package eu.koopera.tenancy;

import eu.koopera.platform.security.Caller;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Optional;

/**
 * Accounts as they stand now, for {@link TenantAdmission}'s check that a signed-in caller still exists, is still
 * enabled, with which roles, and since when their sessions count. The accounts feature implements it; tenancy
 * knows no feature.
 */
public interface AccountDirectory {

    /**
     * The enabled account {@code claimed} names, with its current roles: a platform operator when it names no
     * tenant, else a user of its tenant, which must be the one bound to the current context.
     */
    Optional<Account> findEnabled(Caller claimed);

    /**
     * An enabled account as it is now.
     *
     * @param caller             the account with its current roles
     * @param sessionsValidAfter sessions (access tokens, UI sign-ins) that began before this moment have ended,
     *                           because the password changed, the account was disabled or its owner signed out
     *                           everywhere; null when none ended
     */
    record Account(Caller caller, @Nullable Instant sessionsValidAfter) {

        /** Whether a session that began at {@code startedAt} (null: unknown) still counts. */
        public boolean admits(@Nullable Instant startedAt) {
            return sessionsValidAfter == null || (startedAt != null && !startedAt.isBefore(sessionsValidAfter));
        }
    }
}
