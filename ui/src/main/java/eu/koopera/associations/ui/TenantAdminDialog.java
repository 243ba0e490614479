package eu.koopera.associations.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.web.ApiException;
import eu.koopera.associations.CreateTenantUserCommand;
import eu.koopera.associations.TenantAdminService;
import eu.koopera.associations.TenantResponse;
import eu.koopera.ui.forms.CommandValidation;

import java.util.Map;
import java.util.Set;

/** Creates an association administrator inside a tenant, typically its first one. */
class TenantAdminDialog extends Dialog {

    TenantAdminDialog(TenantResponse tenant, TenantAdminService tenants,
                      CommandValidation validation) {
        setHeaderTitle(getTranslation("tenants.createAdmin") + ": " + tenant.name());
        TextField username = new TextField(getTranslation("login.username"));
        username.setId("admin-username");
        username.setRequiredIndicatorVisible(true);
        PasswordField password = new PasswordField(getTranslation("login.password"));
        password.setId("admin-password");
        password.setHelperText(getTranslation("validation.passwordHelp"));
        password.setRequiredIndicatorVisible(true);
        EmailField email = new EmailField(getTranslation("people.email"));
        email.setId("admin-email");
        TextField displayName = new TextField(getTranslation("people.displayName"));
        displayName.setId("admin-display-name");
        add(new FormLayout(username, password, email, displayName));

        Map<String, com.vaadin.flow.component.HasValidation> fields = Map.of("username", username,
                "password", password, "email", email, "displayName", displayName);
        Button save = new Button(getTranslation("common.save"), click -> {
            CreateTenantUserCommand command = new CreateTenantUserCommand(username.getValue().strip(),
                    password.getValue(), email.isEmpty() ? null : email.getValue(),
                    displayName.isEmpty() ? null : displayName.getValue(), Set.of(Roles.ASSOCIATION_ADMIN));
            if (!validation.check(command, fields)) {
                return;
            }
            try {
                tenants.createUser(tenant.code(), command);
                Notification.show(getTranslation("common.saved"));
                close();
            } catch (ApiException e) {
                if (e instanceof ApiException.Conflict) {
                    username.setErrorMessage(getTranslation("tenants.username.taken"));
                    username.setInvalid(true);
                } else {
                    validation.show(e, fields, this);
                }
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-admin");
        getFooter().add(new Button(getTranslation("common.cancel"), click -> close()), save);
    }
}
