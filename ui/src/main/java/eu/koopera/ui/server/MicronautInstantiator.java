package eu.koopera.ui.server;

import com.vaadin.flow.di.DefaultInstantiator;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.micronaut.context.ApplicationContext;

import java.util.stream.Stream;

/**
 * Creates views, layouts and components as Micronaut beans when they are beans (annotated {@code @Prototype}), so
 * they get the platform's services injected; anything else the Vaadin way.
 */
class MicronautInstantiator extends DefaultInstantiator {

    private final ApplicationContext context;

    MicronautInstantiator(VaadinService service, ApplicationContext context) {
        super(service);
        this.context = context;
    }

    @Override
    public <T> T getOrCreate(Class<T> type) {
        return context.findBean(type).orElseGet(() -> super.getOrCreate(type));
    }

    @Override
    public Stream<VaadinServiceInitListener> getServiceInitListeners() {
        return Stream.concat(super.getServiceInitListeners(),
                context.getBeansOfType(VaadinServiceInitListener.class).stream());
    }

    @Override
    public I18NProvider getI18NProvider() {
        return context.findBean(I18NProvider.class).orElseGet(super::getI18NProvider);
    }
}
