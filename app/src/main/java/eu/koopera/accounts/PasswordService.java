package eu.koopera.accounts;

import eu.koopera.audit.SecurityEvents;
import eu.koopera.platform.mail.MailMessages;
import eu.koopera.platform.mail.MailOutbox;
import eu.koopera.platform.mail.OutgoingMail;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.security.OpaqueTokens;
import eu.koopera.platform.security.PasswordHasher;
import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import eu.koopera.tenancy.Admission;
import eu.koopera.tenancy.CurrentTenant;
import eu.koopera.tenancy.Tenant;
import eu.koopera.tenancy.TenantAdmission;
import eu.koopera.tenancy.TenantContext;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Passwords: changing one's own, resetting a forgotten one through a single-use link mailed through the outbox, and
 * the change a first sign-in requires. Every new password follows {@link PasswordPolicy}; every change ends the
 * account's other sessions (refresh tokens revoked, access tokens and UI sessions issued before refused).
 */
@Singleton
public class PasswordService {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordService.class);

    private final CallerContext callers;
    private final TenantContext tenants;
    private final TenantAdmission admission;
    private final AccountQueries accounts;
    private final PasswordResetQueries resets;
    private final SessionService sessions;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final OpaqueTokens tokens;
    private final MailOutbox outbox;
    private final MailMessages messages;
    private final AuthSettings settings;
    private final TransactionOperations<Connection> transactions;
    private final SecurityEvents events;
    private final ExecutorService background;
    private final Clock clock;
    private final String publicUrl;

    PasswordService(CallerContext callers, TenantContext tenants, TenantAdmission admission, AccountQueries accounts,
                    PasswordResetQueries resets, SessionService sessions, PasswordPolicy policy,
                    PasswordHasher hasher, OpaqueTokens tokens, MailOutbox outbox, MailMessages messages,
                    AuthSettings settings, TransactionOperations<Connection> transactions,
                    @Named(TaskExecutors.BLOCKING) ExecutorService background, Clock clock,
                    @Value("${koopera.public-url}") String publicUrl,
            SecurityEvents events) {
        this.events = events;
        this.callers = callers;
        this.tenants = tenants;
        this.admission = admission;
        this.accounts = accounts;
        this.resets = resets;
        this.sessions = sessions;
        this.policy = policy;
        this.hasher = hasher;
        this.tokens = tokens;
        this.outbox = outbox;
        this.messages = messages;
        this.settings = settings;
        this.transactions = transactions;
        this.background = background;
        this.clock = clock;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /**
     * Changes the caller's own password, as {@link #changeOwn(String, String)} does, and starts a new API session:
     * the token used for the change is refused from then on, so the caller goes on with the tokens returned.
     */
    public TokenResponse changeOwnAndStartSession(String currentPassword, String newPassword) {
        Caller caller = changeOwn(currentPassword, newPassword);
        return sessions.start(caller);
    }

    /**
     * Changes the caller's own password; every session of the account begun before ends (a UI session that made
     * the change renews itself, see {@code SignedIn#renewed}).
     *
     * @return the caller, with the account's current roles
     * @throws ApiException.BadRequest for a wrong current password (field {@code currentPassword}, code
     *                                 {@code current-password-wrong}) or a new one that breaks the rules (field
     *                                 {@code newPassword})
     */
    public Caller changeOwn(String currentPassword, String newPassword) {
        Caller caller = callers.current().orElseThrow(() -> new ApiException.Unauthorized("Authentication required."));
        AccountQueries.AccountRow account = transactions.executeRead(status -> find(caller.tenantCode(),
                caller.username())).orElseThrow(() -> new ApiException.Unauthorized("Authentication required."));
        if (!hasher.matches(currentPassword, account.passwordHash())) {
            throw new ApiException.BadRequest("The current password is wrong.", List.of(new Problem.FieldError(
                    "currentPassword", "is wrong", null, null, "current-password-wrong", List.of())))
                    .withCode("current-password-wrong");
        }
        replace(caller.tenantCode(), account, newPassword);
        return new Caller(account.username(), caller.tenantCode(), account.roles());
    }

    /**
     * Sets the new password an account must choose at sign-in (after a generated first password or an
     * administrator's forced reset); the tenant, if any, is bound.
     */
    void replaceRequired(@Nullable String tenantCode, AccountQueries.AccountRow account, String newPassword) {
        replace(tenantCode, account, newPassword);
    }

    /**
     * Mails a password-reset link to the account with this name, in the tenant bound to the request or among the
     * operators without one, if it exists, is enabled and has a mail address. Returns at once in every case, so
     * that neither the answer nor its timing tells whether the account exists; the lookup and the mail happen in
     * the background.
     */
    public void requestReset(String username) {
        String tenantCode = tenants.current().map(CurrentTenant::code).orElse(null);
        background.execute(() -> {
            try {
                mailResetLink(tenantCode, username);
            } catch (RuntimeException e) {
                LOG.warn("Could not send a password-reset link", e);
            }
        });
    }

    private void mailResetLink(@Nullable String tenantCode, String username) {
        Tenant tenant = tenantCode == null ? null : admission.admit(tenantCode);
        Admission admitted = tenant == null ? new Admission(null, null) : Admission.of(tenant);
        admission.runAs(admitted, () -> transactions.executeWrite(status -> {
            Optional<AccountQueries.AccountRow> account = find(tenantCode, username)
                    .filter(found -> found.enabled() && found.email() != null && !found.email().isBlank());
            if (account.isEmpty()) {
                return null;
            }
            AccountQueries.AccountRow found = account.get();
            String locale = found.locale() != null ? found.locale()
                    : tenant != null ? tenant.defaultLocale() : "en";
            String language = messages.languageOf(locale).getLanguage();
            String token = tokens.generate();
            Instant now = clock.instant();
            Instant expiresAt = now.plus(settings.passwordResetTtl());
            resets.insert(tokens.hash(token), tenantCode, found.username(), language, expiresAt, now);
            String link = publicUrl + "/password-reset/" + token;
            String validUntil = messages.dateTime(expiresAt, language, zoneOf(tenant));
            MailMessages.Text text = messages.render("password-reset", language,
                    tenant == null ? "Koopera" : tenant.name(), found.username(), link, validUntil);
            outbox.enqueue(new OutgoingMail(tenantCode, found.email(), text.subject(), text.text(), text.html()));
            events.passwordResetRequested(found.username());
            return null;
        }));
    }

    /**
     * What a reset link is for, while it can still be used.
     *
     * @throws ApiException.NotFound      for an unknown link (code {@code reset-link-unknown})
     * @throws PasswordResetGoneException for a used or expired one
     */
    public ResetLink describeResetLink(String token) {
        PasswordResetQueries.Link link = usableLink(token);
        return new ResetLink(link.tenantCode(), link.username(), link.locale());
    }

    /**
     * Sets a new password through a reset link, which stops working; all the account's sessions end.
     *
     * @throws ApiException.NotFound      for an unknown link
     * @throws PasswordResetGoneException for a used or expired one
     * @throws ApiException.BadRequest    for a password that breaks the rules (field {@code newPassword})
     */
    public ResetLink reset(String token, String newPassword) {
        PasswordResetQueries.Link link = usableLink(token);
        policy.require("newPassword", link.username(), newPassword);
        String hash = hasher.hash(newPassword);
        Admission admitted = link.tenantCode() == null ? new Admission(null, null)
                : Admission.of(admission.admit(link.tenantCode()));
        admission.runAs(admitted, () -> transactions.executeWrite(status -> {
            Instant now = clock.instant();
            if (!resets.use(tokens.hash(token), now)) {
                throw PasswordResetGoneException.used();
            }
            AccountQueries.AccountRow account = find(link.tenantCode(), link.username())
                    .orElseThrow(PasswordService::unknownLink);
            accounts.setPassword(account.kind(), account.id(), hash, false, Instant.now());
            resets.retireOthers(link.tenantCode(), link.username(), now);
            sessions.revokeRefreshTokens(link.tenantCode(), link.username());
            events.passwordReset(link.username());
            return null;
        }));
        admission.forgetAccount(link.tenantCode(), link.username());
        return new ResetLink(link.tenantCode(), link.username(), link.locale());
    }

    private PasswordResetQueries.Link usableLink(String token) {
        PasswordResetQueries.Link link = transactions.executeRead(status -> resets.find(tokens.hash(token)))
                .orElseThrow(PasswordService::unknownLink);
        if (link.used()) {
            throw PasswordResetGoneException.used();
        }
        if (!link.expiresAt().isAfter(clock.instant())) {
            throw PasswordResetGoneException.expired();
        }
        return link;
    }

    private void replace(@Nullable String tenantCode, AccountQueries.AccountRow account, String newPassword) {
        policy.require("newPassword", account.username(), newPassword);
        String hash = hasher.hash(newPassword);
        transactions.executeWrite(status -> {
            accounts.setPassword(account.kind(), account.id(), hash, false, Instant.now());
            sessions.revokeRefreshTokens(tenantCode, account.username());
            // in the same transaction: once it commits, this account's older sessions are no longer admitted
            events.passwordChanged(account.username());
            return null;
        });
        admission.forgetAccount(tenantCode, account.username());
    }

    /** The account in the bound tenant, or the operator when {@code tenantCode} is null. */
    private Optional<AccountQueries.AccountRow> find(@Nullable String tenantCode, String username) {
        return tenantCode == null ? accounts.operator(username) : accounts.tenantUser(username);
    }

    private static ZoneId zoneOf(@Nullable Tenant tenant) {
        return switch (tenant == null ? "" : tenant.country()) {
            case "LV" -> ZoneId.of("Europe/Riga");
            case "LT" -> ZoneId.of("Europe/Vilnius");
            case "EE" -> ZoneId.of("Europe/Tallinn");
            default -> ZoneOffset.UTC;
        };
    }

    private static ApiException unknownLink() {
        return new ApiException.NotFound("This password-reset link is not known.").withCode("reset-link-unknown");
    }

    /**
     * A reset link's account.
     *
     * @param tenantCode its association, or null for an operator
     * @param username   the account
     * @param locale     the language the link was mailed in
     */
    public record ResetLink(@Nullable String tenantCode, String username, @Nullable String locale) {
    }
}
