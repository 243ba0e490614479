package eu.koopera.tenancy;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Optional;

/**
 * Reads the tenant from a host name under {@code koopera.base-domain}: with {@code koopera.example}, the host
 * {@code lps.koopera.example} belongs to tenant {@code lps}. The API and the UI resolve hosts the same way.
 */
@Singleton
public class TenantHosts {

    private final @Nullable String baseDomain;

    public TenantHosts(@Nullable @Value("${koopera.base-domain:}") String baseDomain) {
        this.baseDomain = baseDomain == null || baseDomain.isBlank() ? null : baseDomain.toLowerCase(Locale.ROOT);
    }

    /** The well-formed tenant code in {@code host} (a Host header, port allowed), if it has one. */
    public Optional<String> tenantCode(@Nullable String host) {
        if (baseDomain == null || host == null) {
            return Optional.empty();
        }
        String name = host.toLowerCase(Locale.ROOT).replaceFirst(":\\d+$", "");
        String suffix = "." + baseDomain;
        if (!name.endsWith(suffix)) {
            return Optional.empty();
        }
        String code = name.substring(0, name.length() - suffix.length());
        return TenantCodes.isValid(code) ? Optional.of(code) : Optional.empty();
    }
}
