package eu.koopera.platform.observability;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.order.Ordered;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * The first step of stopping: readiness turns DOWN and, for {@code koopera.shutdown.drain-delay}, the servers
 * still accept requests, so that a load balancer that polls readiness stops sending new ones before the servers
 * stop listening. Then Micronaut's graceful shutdown ({@code koopera.shutdown.grace-period}) lets the requests in
 * flight finish on the API and the UI before anything is closed.
 */
@Singleton
@Readiness
public class ShutdownDrain implements HealthIndicator, ApplicationEventListener<ShutdownEvent>, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownDrain.class);

    private final Duration delay;
    private volatile boolean draining;

    public ShutdownDrain(@Value("${koopera.shutdown.drain-delay:0s}") Duration delay) {
        this.delay = delay;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(HealthResult.builder("shutdown", draining ? HealthStatus.DOWN : HealthStatus.UP)
                .build());
    }

    @Override
    public void onApplicationEvent(ShutdownEvent event) {
        draining = true;
        LOG.info("Stopping: readiness is DOWN; requests in flight are allowed to finish");
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE; // before the graceful shutdown stops the servers listening
    }
}
