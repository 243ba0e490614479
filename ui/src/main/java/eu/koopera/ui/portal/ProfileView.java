package eu.koopera.ui.portal;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import eu.koopera.platform.security.Roles;
import eu.koopera.ui.i18n.KooperaI18n;
import eu.koopera.ui.i18n.LanguagePreference;
import eu.koopera.ui.layout.MainLayout;
import eu.koopera.ui.session.AllowedRoles;
import eu.koopera.ui.session.SignedIn;
import eu.koopera.ui.session.UiSessions;
import io.micronaut.context.annotation.Prototype;

import java.util.Locale;
import java.util.stream.Collectors;

/** The signed-in account: who it is, its roles and association, and its language. */
@Route(value = "profile", layout = MainLayout.class)
@AllowedRoles({Roles.PLATFORM_OPERATOR, Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR, Roles.MEMBER})
@Prototype
public class ProfileView extends VerticalLayout implements HasDynamicTitle {

    public ProfileView(UiSessions sessions, LanguagePreference languages) {
        SignedIn signedIn = sessions.require();
        TextField username = readOnly("login.username", signedIn.caller().username());
        TextField roles = readOnly("profile.roles", signedIn.caller().roles().stream().sorted()
                .map(role -> getTranslation("role." + role)).collect(Collectors.joining(", ")));
        TextField association = readOnly("login.association", signedIn.tenantName() == null
                ? getTranslation("login.operators") : signedIn.tenantName());
        Select<Locale> language = new Select<>();
        language.setId("profile-language");
        language.setLabel(getTranslation("user.language"));
        language.setItems(KooperaI18n.LOCALES);
        language.setItemLabelGenerator(locale -> getTranslation("language." + locale.getLanguage()));
        language.setValue(KooperaI18n.supported(getLocale()));
        language.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                languages.change(event.getValue());
            }
        });
        add(new H2(getTranslation("nav.profile")), new FormLayout(username, roles, association, language));
    }

    private TextField readOnly(String labelKey, String value) {
        TextField field = new TextField(getTranslation(labelKey));
        field.setValue(value == null ? "" : value);
        field.setReadOnly(true);
        return field;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.profile") + " · Koopera";
    }
}
