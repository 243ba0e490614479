package eu.koopera.accounts.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import eu.koopera.accounts.UpdateUserCommand;
import eu.koopera.accounts.UserAdminService;
import eu.koopera.accounts.UserResponse;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.CommandValidation;
import eu.koopera.ui.layout.MainLayout;
import eu.koopera.ui.session.AllowedRoles;
import io.micronaut.context.annotation.Prototype;

import java.util.Set;
import java.util.TreeSet;

/**
 * The association's accounts for its administrators: disable or enable one (its sessions end at once), change its
 * roles, or make it choose a new password at its next sign-in.
 */
@Menu(title = "nav.users", order = 55, icon = "vaadin:users")
@Route(value = "users", layout = MainLayout.class)
@AllowedRoles(Roles.ASSOCIATION_ADMIN)
@Prototype
public class UsersView extends VerticalLayout implements HasDynamicTitle {

    private final UserAdminService users;
    private final Grid<UserResponse> grid = new Grid<>(UserResponse.class, false);

    public UsersView(UserAdminService users) {
        this.users = users;
        setSizeFull();
        grid.setId("users");
        grid.addColumn(UserResponse::username).setHeader(getTranslation("login.username")).setKey("username")
                .setAutoWidth(true);
        grid.addColumn(user -> user.displayName() == null ? "" : user.displayName())
                .setHeader(getTranslation("users.name")).setKey("name").setAutoWidth(true);
        grid.addColumn(user -> user.email() == null ? "" : user.email()).setHeader(getTranslation("people.email"))
                .setKey("email").setAutoWidth(true);
        grid.addComponentColumn(this::roles).setHeader(getTranslation("users.roles")).setKey("roles")
                .setWidth("18rem");
        grid.addColumn(this::state).setHeader(getTranslation("users.state")).setKey("state").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("common.actions")).setKey("actions")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        refresh();
        add(new H1(getTranslation("users.title")), grid);
    }

    private String state(UserResponse user) {
        String state = getTranslation(user.enabled() ? "users.enabled" : "users.disabled");
        return user.mustChangePassword() ? state + ", " + getTranslation("users.mustChange") : state;
    }

    private Component roles(UserResponse user) {
        MultiSelectComboBox<String> roles = new MultiSelectComboBox<>();
        roles.setItems(new TreeSet<>(Roles.TENANT_ROLES));
        roles.setItemLabelGenerator(role -> getTranslation("role." + role));
        roles.setValue(user.roles());
        roles.setWidthFull();
        roles.setAriaLabel(getTranslation("users.roles.of", user.username()));
        roles.addValueChangeListener(change -> {
            if (change.isFromClient() && !change.getValue().isEmpty()
                    && !change.getValue().equals(change.getOldValue())) {
                update(user, new UpdateUserCommand(null, Set.copyOf(change.getValue()), null));
            }
        });
        return roles;
    }

    private Component actions(UserResponse user) {
        Button toggle = new Button(getTranslation(user.enabled() ? "users.disable" : "users.enable"),
                click -> update(user, new UpdateUserCommand(!user.enabled(), null, null)));
        toggle.setId("user-toggle-" + user.username());
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, user.enabled() ? ButtonVariant.LUMO_ERROR
                : ButtonVariant.LUMO_SUCCESS);
        toggle.setAriaLabel(getTranslation(user.enabled() ? "users.disable.of" : "users.enable.of",
                user.username()));
        Button force = new Button(getTranslation("users.forceReset"),
                click -> update(user, new UpdateUserCommand(null, null, true)));
        force.setId("user-force-" + user.username());
        force.addThemeVariants(ButtonVariant.LUMO_SMALL);
        force.setAriaLabel(getTranslation("users.forceReset.of", user.username()));
        force.setEnabled(!user.mustChangePassword());
        return new HorizontalLayout(toggle, force);
    }

    private void update(UserResponse user, UpdateUserCommand command) {
        try {
            users.update(user.id(), command);
        } catch (ApiException e) {
            CommandValidation.notifyError(this, e);
        }
        refresh();
    }

    private void refresh() {
        grid.setItems(users.list());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("users.title") + " · Koopera";
    }
}
