package eu.koopera.ui.server;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Where and how the web UI is served.
 *
 * @param port           HTTP port of the UI, {@code 0} for any free one (tests)
 * @param host           interface to listen on
 * @param sessionTimeout how long an idle UI session lives
 */
@ConfigurationProperties("koopera.ui")
public record UiSettings(@Bindable(defaultValue = "8080") int port,
                         @Bindable(defaultValue = "0.0.0.0") String host,
                         @Bindable(defaultValue = "30m") Duration sessionTimeout) {
}
