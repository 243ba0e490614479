package eu.koopera.tenancy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts API requests per tenant and status class ({@code koopera_tenant_requests_total}). Only tenants the
 * request was bound to (so registered ones) get their own label value, and at most {@link #MAX_TENANT_LABELS} of
 * them; the rest count as {@code other}, so no client can grow the metric's cardinality.
 */
@ServerFilter("/api/**")
public class TenantRequestMetrics {

    static final int MAX_TENANT_LABELS = 1_000;
    private static final String NONE = "none";
    private static final String OTHER = "other";

    private final MeterRegistry registry;
    private final Set<String> labelled = ConcurrentHashMap.newKeySet();

    public TenantRequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @ResponseFilter
    public void count(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String tenant = PropagatedContext.find().flatMap(context -> context.find(CurrentTenant.class))
                .map(CurrentTenant::code).map(this::label).orElse(NONE);
        Counter.builder("koopera.tenant.requests")
                .description("API requests by tenant and status class")
                .tag("tenant", tenant)
                .tag("status", response.code() / 100 + "xx")
                .register(registry)
                .increment();
    }

    private String label(String code) {
        if (labelled.contains(code)) {
            return code;
        }
        if (labelled.size() < MAX_TENANT_LABELS) {
            labelled.add(code);
            return code;
        }
        return OTHER;
    }
}
