package eu.koopera.associations.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.web.ApiException;
import eu.koopera.tenancy.TenantStatus;
import eu.koopera.associations.TenantAdminService;
import eu.koopera.associations.TenantResponse;
import eu.koopera.associations.UpdateTenantCommand;
import eu.koopera.ui.forms.CommandValidation;
import eu.koopera.ui.layout.MainLayout;
import eu.koopera.ui.session.AllowedRoles;
import io.micronaut.context.annotation.Prototype;

/** Operators' list of associations: register one, suspend or reactivate it, give it its first administrator. */
@Menu(title = "nav.tenants", order = 20, icon = "vaadin:building")
@Route(value = "operator/tenants", layout = MainLayout.class)
@AllowedRoles(Roles.PLATFORM_OPERATOR)
@Prototype
public class TenantsView extends VerticalLayout implements HasDynamicTitle {

    private final TenantAdminService tenants;
    private final CommandValidation validation;
    private final Grid<TenantResponse> grid = new Grid<>(TenantResponse.class, false);

    public TenantsView(TenantAdminService tenants, CommandValidation validation) {
        this.tenants = tenants;
        this.validation = validation;
        setSizeFull();

        Button create = new Button(getTranslation("tenants.create"), VaadinIcon.PLUS.create(),
                click -> new TenantDialog(tenants, validation, this::refresh).open());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("create-tenant");
        HorizontalLayout toolbar = new HorizontalLayout(new H1(getTranslation("tenants.title")), create);
        toolbar.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        toolbar.setWidthFull();
        toolbar.expand(toolbar.getComponentAt(0));

        grid.setId("tenants");
        grid.addColumn(TenantResponse::code).setHeader(getTranslation("tenants.code")).setSortable(true)
                .setAutoWidth(true);
        grid.addColumn(TenantResponse::name).setHeader(getTranslation("tenants.name")).setSortable(true)
                .setFlexGrow(2);
        grid.addColumn(TenantResponse::country).setHeader(getTranslation("tenants.country")).setAutoWidth(true);
        grid.addColumn(tenant -> getTranslation("tenants.status." + tenant.status()))
                .setHeader(getTranslation("tenants.status")).setAutoWidth(true);
        grid.addColumn(TenantResponse::schemaVersion).setHeader(getTranslation("tenants.schemaVersion"))
                .setAutoWidth(true);
        grid.addColumn(tenant -> getTranslation("tenants.migration." + tenant.migrationStatus()))
                .setHeader(getTranslation("tenants.migrationStatus")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("common.actions")).setKey("actions")
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        add(toolbar, grid);
        refresh();
    }

    private HorizontalLayout actions(TenantResponse tenant) {
        boolean active = tenant.status() == TenantStatus.ACTIVE;
        Button toggle = new Button(getTranslation(active ? "tenants.suspend" : "tenants.reactivate"),
                click -> confirmStatus(tenant, active ? TenantStatus.SUSPENDED : TenantStatus.ACTIVE));
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, active ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_SUCCESS);
        Button admin = new Button(getTranslation("tenants.createAdmin"), VaadinIcon.USER.create(),
                click -> new TenantAdminDialog(tenant, tenants, validation).open());
        admin.addThemeVariants(ButtonVariant.LUMO_SMALL);
        admin.setId("create-admin-" + tenant.code());
        return new HorizontalLayout(admin, toggle);
    }

    private void confirmStatus(TenantResponse tenant, TenantStatus status) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation(status == TenantStatus.SUSPENDED ? "tenants.suspend" : "tenants.reactivate")
                + ": " + tenant.name());
        confirm.setText(getTranslation(status == TenantStatus.SUSPENDED ? "tenants.suspend.confirm"
                : "tenants.reactivate.confirm"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("common.cancel"));
        confirm.setConfirmText(getTranslation("common.confirm"));
        confirm.addConfirmListener(event -> {
            try {
                tenants.update(tenant.code(), new UpdateTenantCommand(null, status));
                Notification.show(getTranslation("common.saved"));
                refresh();
            } catch (ApiException e) {
                CommandValidation.notifyError(this, e);
            }
        });
        confirm.open();
    }

    void refresh() {
        grid.setItems(tenants.list());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tenants.title") + " · Koopera";
    }
}
