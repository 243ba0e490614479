package eu.koopera.ui.support;

import com.vaadin.browserless.internal.Routes;
import com.vaadin.browserless.internal.UIFactory;
import com.vaadin.browserless.mocks.MockVaadinServlet;
import eu.koopera.ui.server.UiServer;
import io.micronaut.context.ApplicationContext;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;

/** The browserless servlet, given the application context the way {@link UiServer} gives it to Jetty's. */
public class MicronautMockServlet extends MockVaadinServlet {

    private final transient ApplicationContext context;

    public MicronautMockServlet(Routes routes, UIFactory uiFactory, ApplicationContext context) {
        super(routes, uiFactory);
        this.context = context;
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        config.getServletContext().setAttribute(UiServer.APPLICATION_CONTEXT, context);
        super.init(config);
    }
}
