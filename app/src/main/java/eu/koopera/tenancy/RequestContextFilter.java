package eu.koopera.tenancy;

import eu.koopera.platform.observability.LoggingContext;
import eu.koopera.platform.security.Caller;
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

import java.time.Instant;
import java.util.Date;
import java.util.Set;

/**
 * Decides, for every API request after authentication, who is calling and which tenant the request runs for, and
 * puts both into the propagated context.
 *
 * <p>{@link TenantAdmission} decides: the tenant comes from the verified token's {@code tenant} claim, without a
 * token from the {@code X-Tenant} header or the host name; the account is re-read for its current roles. Unknown
 * tenants get 404, suspended ones 403, tenants whose schema is not current 503, disabled accounts 401.
 */
@ServerFilter("/api/**")
public class RequestContextFilter implements Ordered {

    /** Header naming the tenant of a request. */
    public static final String TENANT_HEADER = "X-Tenant";
    /** Logging context key of the tenant code. */
    public static final String MDC_TENANT = LoggingContext.TENANT;
    /** Claim of an access token telling when it was issued, in milliseconds since 1970. */
    public static final String ISSUED_AT_MILLIS = "iat_ms";

    private final TenantAdmission admission;

    public RequestContextFilter(TenantAdmission admission) {
        this.admission = admission;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public void bind(HttpRequest<?> request, MutablePropagatedContext context) {
        Authentication authentication = request.getUserPrincipal(Authentication.class).orElse(null);
        Caller claimed = authentication == null ? null : caller(authentication);
        Instant issuedAt = authentication == null ? null : issuedAt(authentication);
        String requested = admission.requestedTenant(request.getHeaders().get(TENANT_HEADER),
                request.getHeaders().get("Host")).orElse(null);
        Admission admitted = admission.admitRequest(claimed, issuedAt, requested);
        admission.elements(admitted).forEach(context::add);
        if (admitted.tenant() != null) {
            logWithTenant(context, admitted.tenant().code());
        }
    }

    private static Caller caller(Authentication authentication) {
        Object tenant = authentication.getAttributes().get("tenant");
        return new Caller(authentication.getName(), tenant == null ? null : tenant.toString(),
                Set.copyOf(authentication.getRoles()));
    }

    /**
     * When the token was issued: its {@code iat_ms} claim (milliseconds, so that a token issued in the same second
     * after a password change still counts), else its {@code iat}.
     */
    private static @Nullable Instant issuedAt(Authentication authentication) {
        Object millis = authentication.getAttributes().get(ISSUED_AT_MILLIS);
        if (millis instanceof Number number) {
            return Instant.ofEpochMilli(number.longValue());
        }
        return switch (authentication.getAttributes().get("iat")) {
            case Date date -> date.toInstant();
            case Number seconds -> Instant.ofEpochSecond(seconds.longValue());
            case null, default -> null;
        };
    }

    private static void logWithTenant(MutablePropagatedContext context, String code) {
        context.getContext().find(LoggingContext.class).ifPresentOrElse(
                current -> context.replace(current, current.withTenant(code)),
                () -> context.add(new LoggingContext(null, code)));
    }
}
