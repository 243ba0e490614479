package eu.koopera.platform.observability;

import eu.koopera.platform.web.ApiException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Prometheus metrics in the text exposition format, for a scraper that presents {@code koopera.metrics.token}
 * ({@code KOOPERA_METRICS_TOKEN}) as a bearer token. Without a configured token nobody gets them: the API port is
 * public wherever the ingress or a port-forward exposes it, and metrics tell an attacker how busy and how large
 * the platform is. The token is not a user's JWT, so the security filter lets the request through and this
 * controller compares it in constant time.
 */
@Controller("/metrics")
@Secured(SecurityRule.IS_ANONYMOUS)
class MetricsController {

    private final PrometheusMeterRegistry registry;
    private final byte[] token;

    MetricsController(PrometheusMeterRegistry registry, @Nullable @Value("${koopera.metrics.token:}") String token) {
        this.registry = registry;
        this.token = token == null || token.isBlank() ? null : ("Bearer " + token.strip()).getBytes(
                StandardCharsets.UTF_8);
    }

    @Get
    @Produces("text/plain; version=0.0.4; charset=utf-8")
    String scrape(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization) {
        if (token == null || authorization == null
                || !MessageDigest.isEqual(token, authorization.strip().getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException.Unauthorized("Metrics need the bearer token configured as koopera.metrics.token.")
                    .withCode("metrics.token");
        }
        return registry.scrape();
    }
}
