package eu.koopera.platform.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers that tell a browser to treat every API answer as data, never as a page: no MIME sniffing, no framing, no
 * scripts or styles of any origin, no referrer. The API serves JSON, files and problems, so the strictest policy
 * costs nothing; a header a controller set itself (such as an attachment's) is left as it is.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SecurityHeadersFilter implements Ordered {

    /** Outside the security filter, so that its own refusals (401, 403) carry the headers too. */
    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE + 1;
    }


    @ResponseFilter
    public void secure(MutableHttpResponse<?> response) {
        set(response, "X-Content-Type-Options", "nosniff");
        set(response, "X-Frame-Options", "DENY");
        set(response, "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
        set(response, "Referrer-Policy", "no-referrer");
    }

    private static void set(MutableHttpResponse<?> response, String name, String value) {
        if (!response.getHeaders().contains(name)) {
            response.header(name, value);
        }
    }
}
