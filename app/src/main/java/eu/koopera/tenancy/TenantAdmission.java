package eu.koopera.tenancy;

import eu.koopera.platform.security.Caller;
import eu.koopera.platform.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.core.propagation.PropagatedContextElement;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * The one owner of the tenant: decides which tenant a piece of work runs for, whether that tenant admits it and
 * who is calling with which roles, and is the only code that puts a tenant and a caller into the propagated
 * context. The REST filter, the UI (on every server round trip), login, token refresh and public invitation
 * links all come through here.
 *
 * <p>A tenant admits work while it is registered, active and its schema is current. A signed-in caller is admitted
 * while their account exists and is enabled, with the roles it has now, not those it had at sign-in. Accounts are
 * re-read at most every {@link #ACCOUNT_TTL}, tenants every {@link TenantRegistry#TIME_TO_LIVE}.
 */
@Singleton
public class TenantAdmission {

    static final Duration ACCOUNT_TTL = Duration.ofSeconds(5);

    private final TenantRegistry registry;
    private final TenantHosts hosts;
    private final AccountDirectory accounts;
    private final ConnectionOperations<Connection> connections;
    private final Clock clock = Clock.systemUTC();
    private final ConcurrentMap<AccountKey, CachedAccount> accountCache = new ConcurrentHashMap<>();

    public TenantAdmission(TenantRegistry registry, TenantHosts hosts, AccountDirectory accounts,
                           ConnectionOperations<Connection> connections) {
        this.registry = registry;
        this.hosts = hosts;
        this.accounts = accounts;
        this.connections = connections;
    }

    /**
     * The tenant with this code, if it admits work now.
     *
     * @throws ApiException.NotFound   for an unknown tenant
     * @throws ApiException.Forbidden  for a suspended one
     * @throws TenantUnavailableException while its schema is not current
     */
    public Tenant admit(String code) {
        Tenant tenant = registry.find(code).orElseThrow(() -> new ApiException.NotFound("Unknown association."));
        if (!tenant.isActive()) {
            throw new TenantSuspendedException();
        }
        if (tenant.migrationStatus() != MigrationStatus.CURRENT) {
            throw new TenantUnavailableException();
        }
        return tenant;
    }

    /**
     * The tenant code a request names without a token: its {@code X-Tenant} header, else its host name under the
     * base domain.
     *
     * @throws ApiException.BadRequest for a malformed header
     */
    public Optional<String> requestedTenant(@Nullable String header, @Nullable String host) {
        if (header != null) {
            String code = header.strip();
            if (!TenantCodes.isValid(code)) {
                throw new ApiException.BadRequest("The X-Tenant header is not a valid tenant code.");
            }
            return Optional.of(code);
        }
        return hosts.tenantCode(host);
    }

    /**
     * Admits an API request: the tenant comes from the verified token's claim, else from the header or host; a
     * token of one tenant used with another tenant's header or host is refused.
     *
     * @param claimed   the caller as the verified token describes them, or null without a token
     * @param requested the tenant named by header or host, or null
     * @throws ApiException.Unauthorized when the token's account no longer exists or is disabled
     * @throws ApiException.Forbidden    for a token of another tenant, or a suspended tenant
     */
    public Admission admitRequest(@Nullable Caller claimed, @Nullable String requested) {
        return admitRequest(claimed, null, requested);
    }

    /**
     * Admits an API request as {@link #admitRequest(Caller, String)} does, and refuses a token issued before the
     * account's sessions ended (password changed, account disabled, signed out everywhere).
     *
     * @param issuedAt when the token was issued, or null when unknown (then only accounts whose sessions never
     *                 ended admit it)
     */
    public Admission admitRequest(@Nullable Caller claimed, @Nullable Instant issuedAt, @Nullable String requested) {
        String tokenTenant = claimed == null ? null : claimed.tenantCode();
        if (tokenTenant != null && requested != null && !requested.equals(tokenTenant)) {
            throw new ApiException.Forbidden("The token belongs to another tenant.");
        }
        String code = tokenTenant != null ? tokenTenant : requested;
        Tenant tenant = code == null ? null : admit(code);
        Caller caller = claimed == null ? null : recheck(claimed, issuedAt, tenant);
        return new Admission(caller, tenant);
    }

    /**
     * Admits a signed-in UI session again, as on every round trip: the account's tenant must still admit work
     * and the account must still be enabled, and its sessions must not have ended since {@code signedInAt}; its
     * roles are those it has now.
     */
    public Admission readmit(Caller signedIn, Instant signedInAt) {
        Tenant tenant = signedIn.tenantCode() == null ? null : admit(signedIn.tenantCode());
        return new Admission(recheck(signedIn, signedInAt, tenant), tenant);
    }

    /** Runs {@code work} admitted as {@code admission}: its caller and tenant are bound for the whole call. */
    public <T> T callAs(Admission admission, Supplier<T> work) {
        try (PropagatedContext.Scope ignored = contextFor(admission).propagate()) {
            return work.get();
        }
    }

    /** Runs {@code work} admitted as {@code admission}. */
    public void runAs(Admission admission, Runnable work) {
        callAs(admission, () -> {
            work.run();
            return null;
        });
    }

    /**
     * The current propagated context with {@code admission} bound in it, for an entry point that opens and closes
     * the scope itself (the UI binds one for each server round trip).
     *
     * @throws IllegalStateException while a connection is open: it is bound to the tenant it was opened for
     */
    public PropagatedContext contextFor(Admission admission) {
        if (connections.findConnectionStatus().isPresent()) {
            throw new IllegalStateException("Cannot switch tenant while a connection is open");
        }
        PropagatedContext context = PropagatedContext.getOrEmpty();
        for (PropagatedContextElement element : elements(admission)) {
            context = context.plus(element);
        }
        return context;
    }

    /** What binding {@code admission} puts into a propagated context; the REST filter adds exactly these. */
    public List<PropagatedContextElement> elements(Admission admission) {
        List<PropagatedContextElement> elements = new ArrayList<>(2);
        if (admission.caller() != null) {
            elements.add(admission.caller());
        }
        if (admission.tenant() != null) {
            elements.add(admission.tenant().binding());
        }
        return elements;
    }

    /** Forgets what is known of an account after it changed, so that the change applies at its next request. */
    public void forgetAccount(@Nullable String tenantCode, String username) {
        accountCache.remove(new AccountKey(tenantCode, username));
    }

    private Caller recheck(Caller claimed, @Nullable Instant startedAt, @Nullable Tenant tenant) {
        if (claimed.tenantCode() != null && (tenant == null || !tenant.code().equals(claimed.tenantCode()))) {
            throw new IllegalStateException("A tenant user is admitted only to their own tenant");
        }
        AccountKey key = new AccountKey(claimed.tenantCode(), claimed.username());
        Instant now = clock.instant();
        CachedAccount cached = accountCache.get(key);
        if (cached == null || cached.expires().isBefore(now)) {
            // an account is looked up where it lives: operators on the platform, users in their own tenant
            Optional<AccountDirectory.Account> current = claimed.tenantCode() == null
                    ? accounts.findEnabled(claimed)
                    : callAs(Admission.of(tenant), () -> accounts.findEnabled(claimed));
            cached = new CachedAccount(current, now.plus(ACCOUNT_TTL));
            accountCache.put(key, cached);
        }
        AccountDirectory.Account account = cached.account().orElseThrow(() -> new ApiException.Unauthorized(
                "This account no longer exists or is disabled."));
        if (!account.admits(startedAt)) {
            throw new ApiException.Unauthorized("This session has ended; sign in again.").withCode("session-ended");
        }
        return account.caller();
    }

    private record AccountKey(@Nullable String tenantCode, String username) {
    }

    private record CachedAccount(Optional<AccountDirectory.Account> account, Instant expires) {
    }
}
