package eu.koopera.ui.server;

import com.vaadin.flow.server.InitParameters;
import com.vaadin.flow.server.VaadinServlet;
import eu.koopera.platform.web.ProxySettings;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import jakarta.annotation.PreDestroy;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.ee11.webapp.MetaInfConfiguration;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpScheme;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Serves the Vaadin portals from an embedded Jetty next to the API's Netty server, in the same JVM, so that views
 * call the platform's services in-process. Vaadin finds the {@link ApplicationContext} in a servlet-context
 * attribute and creates views, layouts and components through it.
 */
@Context
@Requires(property = "koopera.ui.enabled", notEquals = "false")
public class UiServer implements GracefulShutdownCapable {

    /** Servlet-context attribute holding the {@link ApplicationContext}. */
    public static final String APPLICATION_CONTEXT = ApplicationContext.class.getName();

    private static final Logger LOG = LoggerFactory.getLogger(UiServer.class);

    /**
     * What the UI's pages may load and who may frame them. Vaadin Flow starts its client engine with an inline script
     * and runs the expressions the server sends through {@code new Function}, and its components use inline styles,
     * so scripts need {@code 'unsafe-inline' 'unsafe-eval'} and styles {@code 'unsafe-inline'}; everything else is
     * this origin only, and nobody else may frame the portal (clickjacking).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; "
            + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    private final Server server;
    private final int port;

    public UiServer(ApplicationContext applicationContext, UiSettings settings, ProxySettings proxy,
                    @Value("${koopera.public-url:}") String publicUrl,
                    @Value("${koopera.shutdown.grace-period:20s}") Duration gracePeriod) {
        server = new Server();
        // on stop, the connector stops accepting and requests in flight get up to the grace period to finish
        server.setStopTimeout(gracePeriod.toMillis());
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        if (proxy.forwardedFor()) {
            http.addCustomizer(UiServer::forwardedHttps);
        }
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        server.addConnector(connector);
        server.setHandler(new GracefulHandler(securityHeaders(webApp(applicationContext, settings,
                publicUrl != null && publicUrl.startsWith("https:")))));
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

    /**
     * A request the trusted ingress received over HTTPS ({@code X-Forwarded-Proto: https}) counts as secure, so
     * that its session cookie is marked {@code Secure}. Only the scheme is taken from the proxy: the client's
     * address is read by {@code ClientAddresses}, which trusts the last {@code X-Forwarded-For} entry only.
     */
    private static Request forwardedHttps(Request request, HttpFields.Mutable responseHeaders) {
        if (!"https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"))) {
            return request;
        }
        HttpURI uri = HttpURI.build(request.getHttpURI()).scheme(HttpScheme.HTTPS);
        return new Request.Wrapper(request) {
            @Override
            public boolean isSecure() {
                return true;
            }

            @Override
            public HttpURI getHttpURI() {
                return uri;
            }
        };
    }

    /** Puts the browser-side protections on every answer of the UI, pages and resources alike. */
    private static Handler securityHeaders(Handler webApp) {
        return new Handler.Wrapper(webApp) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                HttpFields.Mutable headers = response.getHeaders();
                headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                headers.put("X-Frame-Options", "SAMEORIGIN");
                headers.put("X-Content-Type-Options", "nosniff");
                headers.put("Referrer-Policy", "strict-origin-when-cross-origin");
                return super.handle(request, response, callback);
            }
        };
    }

    private WebAppContext webApp(ApplicationContext applicationContext, UiSettings settings, boolean httpsOnly) {
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
        webApp.getSessionHandler().setSameSite(HttpCookie.SameSite.LAX);
        // Secure when the request came over HTTPS (directly or through the trusted ingress), always when the
        // public address is https: a session cookie must never travel in clear text
        webApp.getSessionHandler().setSecureRequestOnly(true);
        webApp.getSessionHandler().getSessionCookieConfig().setSecure(httpsOnly);
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

    /** Stops accepting and lets the UI's requests in flight finish, alongside the API's own graceful shutdown. */
    @Override
    public CompletionStage<?> shutdownGracefully() {
        return CompletableFuture.runAsync(() -> {
            try {
                server.stop();
            } catch (Exception e) {
                LOG.warn("The web UI did not stop cleanly", e);
            }
        }, Thread.ofPlatform().name("koopera-ui-stop")::start);
    }

    @PreDestroy
    void stop() throws Exception {
        server.stop();
    }
}
