package eu.koopera.ui.i18n;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import eu.koopera.accounts.AccountPreferences;
import jakarta.inject.Singleton;

import java.util.Locale;

/** Switches the UI language and keeps the choice on the account, so that the next login starts in it. */
@Singleton
public class LanguagePreference {
    private final AccountPreferences preferences;

    public LanguagePreference(AccountPreferences preferences) {
        this.preferences = preferences;
    }

    public void change(Locale locale) {
        Locale supported = KooperaI18n.supported(locale);
        preferences.changeLanguage(supported.getLanguage());
        VaadinSession.getCurrent().setLocale(supported);
        UI ui = UI.getCurrent();
        ui.setLocale(supported);
        ui.getPage().reload();
    }
}
