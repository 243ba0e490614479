package eu.koopera.ui.i18n;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.inject.Singleton;

/**
 * Keeps {@code <html lang>} on the UI's language, so that screen readers read Lithuanian and English pages with
 * their own rules. Set after every navigation; a language switch reloads the page, which navigates again.
 */
@Singleton
public class DocumentLanguage implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            UI ui = init.getUI();
            ui.addAfterNavigationListener(navigation -> apply(ui));
        });
    }

    static void apply(UI ui) {
        String language = KooperaI18n.supported(ui.getLocale()).getLanguage();
        ui.getElement().executeJs("document.documentElement.lang = $0", language);
    }
}
