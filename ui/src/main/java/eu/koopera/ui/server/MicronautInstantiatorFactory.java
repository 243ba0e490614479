package eu.koopera.ui.server;

import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.di.InstantiatorFactory;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletService;
import io.micronaut.context.ApplicationContext;

/**
 * Hands Vaadin an {@link Instantiator} backed by the platform's {@link ApplicationContext}, found in the servlet
 * context where {@link UiServer} put it. Found by Vaadin's lookup, as any {@link InstantiatorFactory}.
 */
public class MicronautInstantiatorFactory implements InstantiatorFactory {

    @Override
    public Instantiator createInstantitor(VaadinService service) {
        if (!(service instanceof VaadinServletService servletService)) {
            return null;
        }
        Object context = servletService.getServlet().getServletContext().getAttribute(UiServer.APPLICATION_CONTEXT);
        if (!(context instanceof ApplicationContext applicationContext)) {
            throw new IllegalStateException("The servlet context has no Micronaut ApplicationContext");
        }
        return new MicronautInstantiator(service, applicationContext);
    }
}
