package eu.koopera.boot;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;

/** Says where the API listens once it does, and how long the start took. */
@Singleton
class StartupBanner implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(StartupBanner.class);

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        String url = "http://localhost:" + event.getSource().getPort();
        LOG.info("Koopera API ready at {}/api (health: {}/health) {} ms after JVM start", url, url,
                ManagementFactory.getRuntimeMXBean().getUptime());
    }
}
