package eu.koopera.people.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import eu.koopera.people.MeResponse;
import eu.koopera.people.PeopleService;
import eu.koopera.people.PersonResponse;
import eu.koopera.people.ProfileCommand;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.CommandValidation;
import eu.koopera.ui.forms.Fields;
import eu.koopera.ui.i18n.KooperaI18n;
import eu.koopera.ui.i18n.LanguagePreference;
import eu.koopera.ui.layout.MainLayout;
import eu.koopera.ui.session.AllowedRoles;
import eu.koopera.ui.session.SignedIn;
import eu.koopera.ui.session.UiSessions;
import io.micronaut.context.annotation.Prototype;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The signed-in account: who it is, its roles and association, and its language; users whose account is linked to
 * a person also keep their own contact details here.
 */
@Menu(title = "nav.profile", order = 100, icon = "vaadin:user")
@Route(value = "profile", layout = MainLayout.class)
@AllowedRoles({Roles.PLATFORM_OPERATOR, Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR, Roles.MEMBER})
@Prototype
public class ProfileView extends VerticalLayout implements HasDynamicTitle {

    private final PeopleService people;
    private final CommandValidation validation;
    private PersonResponse person;

    public ProfileView(UiSessions sessions, LanguagePreference languages, PeopleService people,
                       CommandValidation validation) {
        this.people = people;
        this.validation = validation;
        SignedIn signedIn = sessions.require();
        TextField username = Fields.readOnly(this, "login.username", signedIn.caller().username());
        TextField roles = Fields.readOnly(this, "profile.roles", signedIn.caller().roles().stream().sorted()
                .map(role -> getTranslation("role." + role)).collect(Collectors.joining(", ")));
        TextField association = Fields.readOnly(this, "login.association", signedIn.tenantName() == null
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
        add(new H1(getTranslation("nav.profile")), new FormLayout(username, roles, association, language));
        if (signedIn.tenant() != null) {
            MeResponse me = people.me();
            if (me.person() != null) {
                person = me.person();
                addContactDetails();
            }
        }
    }

    /** The parts of the linked person record users may change themselves; the rest stays with administrators. */
    private void addContactDetails() {
        TextField position = new TextField(getTranslation("people.position"));
        position.setId("profile-position");
        position.setValue(Fields.nullToEmpty(person.position()));
        TextField phone = new TextField(getTranslation("people.phone"));
        phone.setId("profile-phone");
        phone.setValue(Fields.nullToEmpty(person.phone()));
        LanguagesField spoken = new LanguagesField("profile-languages");
        spoken.setCodes(person.languages());
        TextField organisation = Fields.readOnly(this, "people.member", person.memberName());
        TextField email = Fields.readOnly(this, "people.email", person.email());
        Map<String, HasValidation> fields = Map.of("position", position, "phone", phone, "languages", spoken);
        Button save = new Button(getTranslation("common.save"), click -> {
            ProfileCommand command = new ProfileCommand(person.firstName(), person.lastName(),
                    Fields.blankToNull(position.getValue()), Fields.blankToNull(phone.getValue()), spoken.codes(),
                    person.version());
            if (!validation.check(command, fields)) {
                return;
            }
            try {
                person = people.updateOwnProfile(command);
                Notification.show(getTranslation("common.saved"));
            } catch (ApiException.Conflict e) {
                Notification.show(getTranslation("profile.conflict"), 8000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            } catch (ApiException e) {
                validation.show(e, fields, this);
            }
        });
        save.setId("save-profile");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H3(getTranslation("profile.contact")), new FormLayout(organisation, email, position, phone, spoken),
                save);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.profile") + " · Koopera";
    }
}
