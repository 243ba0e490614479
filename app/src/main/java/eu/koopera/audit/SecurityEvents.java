package eu.koopera.audit;

import eu.koopera.platform.audit.PlatformAuditLog;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.security.CurrentWork;
import eu.koopera.platform.web.ClientAddresses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records security events on accounts with the client address: association users' in their association's audit
 * log, operators' in the platform audit log, chosen by whether the current work runs for a tenant. Each joins the
 * caller's transaction or, outside one (a failed sign-in), commits on its own.
 *
 * <p>In the tenant log an event is a {@link AuditAction#SECURITY} entry on entity type {@value #ENTITY_TYPE} whose id
 * is the username; its {@link AuditMessage} event code is one of the {@code EVENT_} constants, with the username as
 * parameter {@code name}. In the platform log the action is that code.
 */
@Singleton
public class SecurityEvents {

    /** The entity type of security events in the tenant log. */
    public static final String ENTITY_TYPE = "account";

    public static final String SIGNED_IN = "account.signed_in";
    public static final String SIGN_IN_FAILED = "account.sign_in_failed";
    public static final String SIGN_IN_UNKNOWN = "account.sign_in_unknown";
    public static final String SIGN_IN_DISABLED = "account.sign_in_disabled";
    public static final String SIGN_IN_THROTTLED = "account.sign_in_throttled";
    public static final String ROLES_CHANGED = "account.roles_changed";
    public static final String ENABLED = "account.enabled";
    public static final String DISABLED = "account.disabled";
    public static final String PASSWORD_CHANGED = "account.password_changed";
    public static final String PASSWORD_RESET = "account.password_reset";
    public static final String PASSWORD_RESET_FORCED = "account.password_reset_forced";
    public static final String TOKEN_REUSE = "account.token_reuse";
    public static final String PASSWORD_RESET_REQUESTED = "account.password_reset_requested";
    public static final String SIGNED_OUT_EVERYWHERE = "account.signed_out_everywhere";

    private static final int NAME_LENGTH = 64;
    private static final Duration THROTTLE_QUIET = Duration.ofMinutes(1);
    private static final int THROTTLE_TRACKED = 10_000;

    private final TenantAuditLog tenantLog;
    private final PlatformAuditLog platformLog;
    private final CurrentWork work;
    private final CallerContext callers;
    private final ClientAddresses addresses;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Instant> throttleRecorded = new ConcurrentHashMap<>();

    public SecurityEvents(TenantAuditLog tenantLog, PlatformAuditLog platformLog, CurrentWork work,
                          CallerContext callers, ClientAddresses addresses) {
        this.tenantLog = tenantLog;
        this.platformLog = platformLog;
        this.work = work;
        this.callers = callers;
        this.addresses = addresses;
    }

    /** Someone signed in with the right password. */
    @Transactional
    public void signedIn(String username, String clientAddress) {
        write(username, SIGNED_IN, username, Map.of(), clientAddress);
    }

    /**
     * A sign-in failed: a wrong password, or a name with no account, kept as tried (trimmed, control characters
     * dropped, at most 64 characters).
     */
    @Transactional
    public void signInFailed(String attemptedName, boolean accountExists, String clientAddress) {
        String name = attemptedName(attemptedName);
        write(name, accountExists ? SIGN_IN_FAILED : SIGN_IN_UNKNOWN, name, Map.of(), clientAddress);
    }

    /** The right password for a disabled account. */
    @Transactional
    public void signInDisabled(String username, String clientAddress) {
        write(username, SIGN_IN_DISABLED, username, Map.of(), clientAddress);
    }

    /**
     * A sign-in refused unchecked because the address must wait after failures (429); recorded at most once a
     * minute per name and address, so that a flood of refused attempts cannot flood the log.
     */
    @Transactional
    public void signInThrottled(String attemptedName, long retryAfterSeconds, String clientAddress) {
        String name = attemptedName(attemptedName);
        Instant now = clock.instant();
        String key = work.tenantCode().orElse("") + '\u0000' + name + '\u0000' + clientAddress;
        Instant last = throttleRecorded.get(key);
        if (last != null && last.plus(THROTTLE_QUIET).isAfter(now)) {
            return;
        }
        if (throttleRecorded.size() > THROTTLE_TRACKED) {
            throttleRecorded.values().removeIf(at -> at.plus(THROTTLE_QUIET).isBefore(now));
        }
        throttleRecorded.put(key, now);
        write(name, SIGN_IN_THROTTLED, name, Map.of("seconds", Long.toString(retryAfterSeconds)), clientAddress);
    }

    /** The current caller changed an account's roles. */
    @Transactional
    public void rolesChanged(String username, Set<String> before, Set<String> after) {
        write(actor(), ROLES_CHANGED, username, Map.of("before", String.join(",", new TreeSet<>(before)),
                "after", String.join(",", new TreeSet<>(after))), currentAddress());
    }

    /** The current caller enabled ({@code true}) or disabled an account. */
    @Transactional
    public void enabledChanged(String username, boolean enabled) {
        write(actor(), enabled ? ENABLED : DISABLED, username, Map.of(), currentAddress());
    }

    /** The account's owner changed its password. */
    @Transactional
    public void passwordChanged(String username) {
        write(username, PASSWORD_CHANGED, username, Map.of(), currentAddress());
    }

    /** A password was set through a reset link. */
    @Transactional
    public void passwordReset(String username) {
        write(username, PASSWORD_RESET, username, Map.of(), currentAddress());
    }

    /** A reset link was mailed to an existing account (not recorded for names without one, as the answer is the same). */
    @Transactional
    public void passwordResetRequested(String username) {
        write(username, PASSWORD_RESET_REQUESTED, username, Map.of(), currentAddress());
    }

    /** The account's owner ended all its sessions. */
    @Transactional
    public void signedOutEverywhere(String username) {
        write(username, SIGNED_OUT_EVERYWHERE, username, Map.of(), currentAddress());
    }

    /** The current caller (an administrator) made the account set a new password at its next sign-in. */
    @Transactional
    public void passwordResetForced(String username) {
        write(actor(), PASSWORD_RESET_FORCED, username, Map.of(), currentAddress());
    }

    /** A rotated refresh token was used again, and its whole family was revoked. */
    @Transactional
    public void tokenReuse(String username) {
        write(username, TOKEN_REUSE, username, Map.of(), currentAddress());
    }

    private void write(String actor, String event, String username, Map<String, String> params,
                       @Nullable String clientAddress) {
        if (work.tenantCode().isPresent()) {
            AuditMessage message = new AuditMessage(event, summary(event, username, params), Map.of())
                    .with(AuditMessage.NAME, username);
            for (Map.Entry<String, String> param : new TreeMap<>(params).entrySet()) {
                message = message.with(param.getKey(), param.getValue());
            }
            tenantLog.recordFrom(actor, AuditAction.SECURITY, ENTITY_TYPE, username, message, clientAddress);
        } else {
            platformLog.record(actor, event, null, username,
                    params.isEmpty() ? null : new TreeMap<>(params).toString(), clientAddress);
        }
    }

    private static String summary(String event, String username, Map<String, String> params) {
        String text = event.substring(event.indexOf('.') + 1).replace('_', ' ') + ": " + username;
        return params.isEmpty() ? text : text + " " + new TreeMap<>(params);
    }

    private String actor() {
        return callers.current().map(Caller::username).orElse("system");
    }

    private @Nullable String currentAddress() {
        return addresses.current().orElse(null);
    }

    /** The name as tried, safe to store: trimmed, without control or format characters or lone surrogates. */
    static String attemptedName(@Nullable String tried) {
        if (tried == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder();
        tried.strip().codePoints()
                .filter(point -> Character.getType(point) != Character.CONTROL
                        && Character.getType(point) != Character.FORMAT
                        && Character.getType(point) != Character.SURROGATE)
                .limit(NAME_LENGTH)
                .forEach(kept::appendCodePoint);
        return kept.toString().strip(); // PostgreSQL's varchar(64) counts code points, as the limit above
    }
}
