package eu.koopera.tenancy;

import eu.koopera.platform.security.Caller;

import eu.koopera.platform.web.ApiException;
import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides, for every API request after authentication, who is calling and which tenant the request runs for, and
 * puts both into the propagated context.
 *
 * <p>The tenant comes from the verified token's {@code tenant} claim; without a token, from the {@code X-Tenant}
 * header or the host name {@code <code>.<base domain>}. A token of one tenant used with another tenant's header
 * or host is refused (403). Unknown tenants get 404, suspended ones 403, tenants whose schema is not current 503.
 */
@ServerFilter("/api/**")
public class RequestContextFilter implements Ordered {

    /** Header naming the tenant of a request. */
    public static final String TENANT_HEADER = "X-Tenant";
    /** Logging context key of the tenant code. */
    public static final String MDC_TENANT = "tenant";

    private final TenantRegistry registry;
    private final TenantHosts hosts;

    public RequestContextFilter(TenantRegistry registry, TenantHosts hosts) {
        this.registry = registry;
        this.hosts = hosts;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public void bind(HttpRequest<?> request, MutablePropagatedContext context) {
        Optional<Authentication> authentication = request.getUserPrincipal(Authentication.class);
        String tokenTenant = authentication.map(auth -> auth.getAttributes().get("tenant"))
                .map(Object::toString).orElse(null);
        String requested = requestedTenant(request);
        if (tokenTenant != null && requested != null && !requested.equals(tokenTenant)) {
            throw new ApiException.Forbidden("The token belongs to another tenant.");
        }
        authentication.ifPresent(auth -> context.add(new Caller(auth.getName(), tokenTenant, roles(auth))));
        String code = tokenTenant != null ? tokenTenant : requested;
        if (code == null) {
            return;
        }
        Tenant tenant = registry.find(code).orElseThrow(() -> new ApiException.NotFound("Unknown tenant."));
        if (!tenant.isActive()) {
            throw new ApiException.Forbidden("This association's access is suspended.");
        }
        if (tenant.migrationStatus() != MigrationStatus.CURRENT) {
            throw new TenantUnavailableException();
        }
        context.add(tenant.binding());
        logWithTenant(context, tenant.code());
    }

    private static void logWithTenant(MutablePropagatedContext context, String code) {
        Optional<MdcPropagationContext> current = context.getContext().find(MdcPropagationContext.class);
        Map<String, String> entries = new HashMap<>(current.map(MdcPropagationContext::state).orElse(Map.of()));
        entries.put(MDC_TENANT, code);
        MdcPropagationContext withTenant = new MdcPropagationContext(entries);
        current.ifPresentOrElse(old -> context.replace(old, withTenant), () -> context.add(withTenant));
    }

    private @Nullable String requestedTenant(HttpRequest<?> request) {
        String header = request.getHeaders().get(TENANT_HEADER);
        if (header != null) {
            String code = header.strip();
            if (!TenantCodes.isValid(code)) {
                throw new ApiException.BadRequest("The " + TENANT_HEADER + " header is not a valid tenant code.");
            }
            return code;
        }
        return hosts.tenantCode(request.getHeaders().get("Host")).orElse(null);
    }

    private static Set<String> roles(Authentication authentication) {
        Collection<String> roles = authentication.getRoles();
        return roles.stream().collect(Collectors.toUnmodifiableSet());
    }
}
