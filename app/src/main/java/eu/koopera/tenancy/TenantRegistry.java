package eu.koopera.tenancy;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Looks tenants up by code for every request. Entries are kept for a few seconds: changes made on this instance
 * take effect at once, changes made by another replica within {@link #TIME_TO_LIVE}.
 */
@Singleton
public class TenantRegistry {

    static final Duration TIME_TO_LIVE = Duration.ofSeconds(5);

    private final TenantRepository tenants;
    private final Clock clock;
    private final ConcurrentMap<String, Entry> cache = new ConcurrentHashMap<>();

    public TenantRegistry(TenantRepository tenants) {
        this.tenants = tenants;
        this.clock = Clock.systemUTC();
    }

    /** The tenant with this code, if the code is well-formed and registered. */
    public Optional<Tenant> find(String code) {
        if (!TenantCodes.isValid(code)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Entry entry = cache.get(code);
        if (entry == null || entry.expires().isBefore(now)) {
            entry = new Entry(tenants.findByCode(code), now.plus(TIME_TO_LIVE));
            cache.put(code, entry);
        }
        return entry.tenant();
    }

    public List<Tenant> all() {
        return tenants.listOrderByCode();
    }

    /** The tenant with this code as stored now, bypassing the cache; for changing it. */
    public Optional<Tenant> findCurrent(String code) {
        return TenantCodes.isValid(code) ? tenants.findByCode(code) : Optional.empty();
    }

    /** Stores a changed tenant (name, status); the change applies to this instance's next request at once. */
    public Tenant update(Tenant tenant) {
        Tenant updated = tenants.update(tenant);
        evict(tenant.code());
        return updated;
    }

    /** Forgets what is known of a tenant after it changed. */
    public void evict(String code) {
        cache.remove(code);
    }

    private record Entry(Optional<Tenant> tenant, Instant expires) {
    }
}
