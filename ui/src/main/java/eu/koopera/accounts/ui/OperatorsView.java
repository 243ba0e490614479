package eu.koopera.accounts.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import eu.koopera.accounts.OperatorService;
import eu.koopera.accounts.UserResponse;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.CommandValidation;
import eu.koopera.ui.layout.MainLayout;
import eu.koopera.ui.session.AllowedRoles;
import io.micronaut.context.annotation.Prototype;

import java.util.Map;

/**
 * Operator accounts, for operators: add one (who chooses their own password at first sign-in), disable or enable
 * one. The last enabled operator cannot be disabled.
 */
@Menu(title = "nav.operators", order = 25, icon = "vaadin:user-star")
@Route(value = "operator/operators", layout = MainLayout.class)
@AllowedRoles(Roles.PLATFORM_OPERATOR)
@Prototype
public class OperatorsView extends VerticalLayout implements HasDynamicTitle {

    private final OperatorService operators;
    private final CommandValidation validation;
    private final Grid<UserResponse> grid = new Grid<>(UserResponse.class, false);
    private final TextField username = new TextField();
    private final EmailField email = new EmailField();
    private final PasswordField password = new PasswordField();

    public OperatorsView(OperatorService operators, CommandValidation validation) {
        this.operators = operators;
        this.validation = validation;
        setSizeFull();
        grid.setId("operators");
        grid.addColumn(UserResponse::username).setHeader(getTranslation("login.username")).setKey("username")
                .setAutoWidth(true);
        grid.addColumn(user -> user.email() == null ? "" : user.email()).setHeader(getTranslation("people.email"))
                .setKey("email").setAutoWidth(true);
        grid.addColumn(user -> getTranslation(user.enabled() ? "users.enabled" : "users.disabled")
                + (user.mustChangePassword() ? ", " + getTranslation("users.mustChange") : ""))
                .setHeader(getTranslation("users.state")).setKey("state").setAutoWidth(true);
        grid.addComponentColumn(this::toggle).setHeader(getTranslation("common.actions")).setKey("actions")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        refresh();

        username.setLabel(getTranslation("login.username"));
        username.setId("operator-username");
        username.setRequired(true);
        email.setLabel(getTranslation("people.email"));
        email.setId("operator-email");
        password.setLabel(getTranslation("operators.firstPassword"));
        password.setId("operator-password");
        password.setRequired(true);
        password.setHelperText(getTranslation("operators.firstPassword.help"));
        Button create = new Button(getTranslation("operators.create"), click -> create());
        create.setId("operator-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(username, email, password);
        add(new H1(getTranslation("operators.title")), grid, new H2(getTranslation("operators.create")), form,
                create);
    }

    private Component toggle(UserResponse operator) {
        Button toggle = new Button(getTranslation(operator.enabled() ? "users.disable" : "users.enable"), click -> {
            try {
                operators.setEnabled(operator.username(), !operator.enabled());
            } catch (ApiException e) {
                CommandValidation.notifyError(this, e);
            }
            refresh();
        });
        toggle.setId("operator-toggle-" + operator.username());
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, operator.enabled() ? ButtonVariant.LUMO_ERROR
                : ButtonVariant.LUMO_SUCCESS);
        toggle.setAriaLabel(getTranslation(operator.enabled() ? "users.disable.of" : "users.enable.of",
                operator.username()));
        return toggle;
    }

    private void create() {
        try {
            operators.create(username.getValue().strip(), password.getValue(),
                    email.getValue().isBlank() ? null : email.getValue().strip(), null);
            Notification done = Notification.show(getTranslation("operators.created", username.getValue()), 5000,
                    Notification.Position.TOP_CENTER);
            done.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            username.clear();
            email.clear();
            password.clear();
            refresh();
        } catch (ApiException e) {
            validation.show(e, Map.of("username", username, "email", email, "password", password), this);
        }
    }

    private void refresh() {
        grid.setItems(operators.list());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("operators.title") + " · Koopera";
    }
}
