package eu.koopera.platform.observability;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.propagation.ThreadPropagatedContextElement;
import org.slf4j.MDC;

/**
 * The request id and tenant code that every log line of a request carries, as an element of the propagated context.
 *
 * <p>Micronaut's {@code MdcPropagationContext} copies the thread's whole logging context into a new map and back
 * each time a propagated context is entered and left, which a request does dozens of times; this element sets and
 * restores just its own two keys.
 *
 * @param requestId the request id, or null outside a request
 * @param tenant    the tenant code, or null while (or when) the request has none
 */
public record LoggingContext(@Nullable String requestId, @Nullable String tenant)
        implements ThreadPropagatedContextElement<String[]> {

    /** Logging context key of the request id. */
    public static final String REQUEST_ID = "requestId";
    /** Logging context key of the tenant code. */
    public static final String TENANT = "tenant";

    /** This context with {@code code} as the tenant. */
    public LoggingContext withTenant(String code) {
        return new LoggingContext(requestId, code);
    }

    @Override
    public String[] updateThreadContext() {
        String[] previous = {MDC.get(REQUEST_ID), MDC.get(TENANT)};
        set(REQUEST_ID, requestId);
        set(TENANT, tenant);
        return previous;
    }

    @Override
    public void restoreThreadContext(String[] previous) {
        set(REQUEST_ID, previous[0]);
        set(TENANT, previous[1]);
    }

    private static void set(String key, @Nullable String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
