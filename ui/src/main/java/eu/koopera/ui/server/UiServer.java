package eu.koopera.ui.server;

import com.vaadin.flow.server.InitParameters;
import com.vaadin.flow.server.VaadinServlet;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.ee11.webapp.MetaInfConfiguration;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.util.Collections;
import java.util.List;

/**
 * Serves the Vaadin portals from an embedded Jetty next to the API's Netty server, in the same JVM, so that views
 * call the platform's services in-process. Vaadin finds the {@link ApplicationContext} in a servlet-context
 * attribute and creates views, layouts and components through it.
 */
@Context
@Requires(property = "koopera.ui.enabled", notEquals = "false")
public class UiServer {

    /** Servlet-context attribute holding the {@link ApplicationContext}. */
    public static final String APPLICATION_CONTEXT = ApplicationContext.class.getName();

    private static final Logger LOG = LoggerFactory.getLogger(UiServer.class);

    private final Server server;
    private final int port;

    public UiServer(ApplicationContext applicationContext, UiSettings settings) {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        server.addConnector(connector);
        server.setHandler(webApp(applicationContext, settings));
        server.setStopAtShutdown(false);
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("The web UI could not start on port " + settings.port(), e);
        }
        port = connector.getLocalPort();
        LOG.info("Koopera UI ready at http://localhost:{}/ {} ms after JVM start", port,
                ManagementFactory.getRuntimeMXBean().getUptime());
    }

    private WebAppContext webApp(ApplicationContext applicationContext, UiSettings settings) {
        WebAppContext webApp = new WebAppContext();
        webApp.setContextPath("/");
        webApp.setBaseResource(staticResources(webApp.getResourceFactory()));
        webApp.setParentLoaderPriority(true);
        webApp.setConfigurationDiscovered(true);
        // Vaadin registers routes and its lookup through @HandlesTypes initialisers, so the classpath is scanned.
        webApp.setAttribute(MetaInfConfiguration.CONTAINER_JAR_PATTERN, ".*koopera[^/]*\\.jar$|.*/classes/.*|.*vaadin[^/]*\\.jar$|.*flow[^/]*\\.jar$");
        webApp.setAttribute(APPLICATION_CONTEXT, applicationContext);
        webApp.getSessionHandler().setMaxInactiveInterval((int) settings.sessionTimeout().toSeconds());
        webApp.getSessionHandler().setHttpOnly(true);
        ServletHolder vaadin = new ServletHolder("vaadin", VaadinServlet.class);
        vaadin.setInitParameter(InitParameters.SERVLET_PARAMETER_CLOSE_IDLE_SESSIONS, "true");
        vaadin.setAsyncSupported(true);
        webApp.addServlet(vaadin, "/*");
        return webApp;
    }

    private static Resource staticResources(ResourceFactory factory) {
        try {
            List<URL> roots = Collections.list(UiServer.class.getClassLoader().getResources("META-INF/resources"));
            return ResourceFactory.combine(roots.stream().map(url -> factory.newResource(url)).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port the UI listens on. */
    public int port() {
        return port;
    }

    @PreDestroy
    void stop() throws Exception {
        server.stop();
    }
}
