package eu.koopera.associations.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import eu.koopera.platform.web.ApiException;
import eu.koopera.associations.CreateTenantCommand;
import eu.koopera.associations.TenantAdminService;
import eu.koopera.ui.forms.CommandValidation;

import java.util.List;
import java.util.Map;

/** Registers an association: its code becomes its schema and host name, so it is checked before anything runs. */
class TenantDialog extends Dialog {

    private final TextField code = new TextField();
    private final TextField name = new TextField();
    private final Select<String> country = new Select<>();
    private final Select<String> defaultLocale = new Select<>();

    TenantDialog(TenantAdminService tenants, CommandValidation validation, Runnable onCreated) {
        setHeaderTitle(getTranslation("tenants.create"));
        code.setLabel(getTranslation("tenants.code"));
        code.setHelperText(getTranslation("tenants.code.help"));
        code.setId("tenant-code");
        code.setRequiredIndicatorVisible(true);
        name.setLabel(getTranslation("tenants.name"));
        name.setId("tenant-name");
        name.setRequiredIndicatorVisible(true);
        country.setLabel(getTranslation("tenants.country"));
        country.setItems("LV", "LT", "EE", "FI", "PL", "SE", "DE");
        country.setItemLabelGenerator(item -> getTranslation("country." + item));
        country.setValue("LV");
        defaultLocale.setLabel(getTranslation("tenants.defaultLocale"));
        defaultLocale.setItems(List.of("lv", "lt", "en"));
        defaultLocale.setItemLabelGenerator(item -> getTranslation("language." + item));
        defaultLocale.setValue("lv");
        FormLayout form = new FormLayout(code, name, country, defaultLocale);
        form.setColspan(name, 2);
        add(form);

        Map<String, TextField> fields = Map.of("code", code, "name", name);
        Button save = new Button(getTranslation("common.save"), click -> {
            CreateTenantCommand command = new CreateTenantCommand(code.getValue().strip(), name.getValue(),
                    country.getValue(), defaultLocale.getValue());
            if (!validation.check(command, fields)) {
                return;
            }
            try {
                tenants.create(command);
                Notification.show(getTranslation("common.saved"));
                onCreated.run();
                close();
            } catch (ApiException e) {
                validation.show(e, fields, this);
                if (e instanceof ApiException.Conflict) {
                    code.setErrorMessage(getTranslation("tenants.code.taken"));
                    code.setInvalid(true);
                }
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-tenant");
        getFooter().add(new Button(getTranslation("common.cancel"), click -> close()), save);
    }
}
