package eu.koopera.platform.observability;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * Prometheus metrics in the text exposition format. Not routed through the Ingress; the chart's NetworkPolicy
 * keeps it to the cluster.
 */
@Controller("/metrics")
@Secured(SecurityRule.IS_ANONYMOUS)
class MetricsController {

    private final PrometheusMeterRegistry registry;

    MetricsController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Get
    @Produces("text/plain; version=0.0.4; charset=utf-8")
    String scrape() {
        return registry.scrape();
    }
}
