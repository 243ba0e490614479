package eu.koopera.accounts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import eu.koopera.accounts.PasswordService;
import eu.koopera.accounts.SessionService;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.CommandValidation;
import eu.koopera.ui.layout.MainLayout;
import eu.koopera.ui.session.AllowedRoles;
import eu.koopera.ui.session.UiSessions;
import io.micronaut.context.annotation.Prototype;

import java.util.Map;

/**
 * The signed-in account's password and sessions: change the password (the current one required; the account's
 * other sessions end, this one goes on), or sign out everywhere. Reached from the user menu.
 */
@Route(value = "account", layout = MainLayout.class)
@AllowedRoles({Roles.PLATFORM_OPERATOR, Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR, Roles.MEMBER})
@Prototype
public class AccountSecurityView extends VerticalLayout implements HasDynamicTitle {

    private final PasswordService passwords;
    private final SessionService sessionService;
    private final UiSessions sessions;
    private final CommandValidation validation;
    private final PasswordField current = new PasswordField();
    private final NewPasswordFields fresh;

    public AccountSecurityView(PasswordService passwords, SessionService sessionService, UiSessions sessions,
                               CommandValidation validation) {
        this.passwords = passwords;
        this.sessionService = sessionService;
        this.sessions = sessions;
        this.validation = validation;
        this.fresh = new NewPasswordFields(this, "password");
        setMaxWidth("40rem");
        current.setLabel(getTranslation("password.current"));
        current.setId("password-current");
        current.setRequired(true);
        current.setWidthFull();
        Button change = new Button(getTranslation("password.change"), click -> change());
        change.setId("password-change");
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(current, fresh.password, fresh.repeat);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));

        Button everywhere = new Button(getTranslation("sessions.logoutAll"), click -> signOutEverywhere());
        everywhere.setId("logout-all");
        everywhere.addThemeVariants(ButtonVariant.LUMO_ERROR);
        add(new H1(getTranslation("account.title")), new H2(getTranslation("password.change")), form, change,
                new H2(getTranslation("sessions.title")), new Paragraph(getTranslation("sessions.logoutAll.text")),
                everywhere);
    }

    private void change() {
        current.setInvalid(false);
        if (!fresh.matching(this)) {
            return;
        }
        try {
            passwords.changeOwn(current.getValue(), fresh.value());
            // this session goes on; those begun before the change end at their next click
            sessions.current().ifPresent(signedIn -> sessions.update(signedIn.renewed()));
            current.clear();
            fresh.password.clear();
            fresh.repeat.clear();
            Notification done = Notification.show(getTranslation("password.changed"), 5000,
                    Notification.Position.TOP_CENTER);
            done.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (ApiException e) {
            validation.show(e, Map.of("currentPassword", current, "newPassword", fresh.password), this);
        }
    }

    private void signOutEverywhere() {
        sessionService.endAllOfCaller();
        sessions.signOut();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.title") + " · Koopera";
    }
}
