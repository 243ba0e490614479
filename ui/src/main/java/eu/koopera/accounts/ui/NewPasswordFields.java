package eu.koopera.accounts.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.textfield.PasswordField;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.CommandValidation;

import java.util.Map;

/**
 * A new password typed twice, with the password rules as help, and the service's refusals (too short, too common,
 * the username) shown on the field in the user's language.
 */
final class NewPasswordFields {

    final PasswordField password = new PasswordField();
    final PasswordField repeat = new PasswordField();

    NewPasswordFields(Component context, String idPrefix) {
        password.setLabel(context.getTranslation("password.new"));
        password.setId(idPrefix + "-new");
        password.setRequired(true);
        password.setHelperText(context.getTranslation("password.rules"));
        password.setWidthFull();
        repeat.setLabel(context.getTranslation("password.repeat"));
        repeat.setId(idPrefix + "-repeat");
        repeat.setRequired(true);
        repeat.setWidthFull();
    }

    /** Whether both are typed alike; marks the repetition otherwise. */
    boolean matching(Component context) {
        password.setInvalid(false);
        repeat.setInvalid(false);
        if (!password.getValue().equals(repeat.getValue())) {
            repeat.setErrorMessage(context.getTranslation("password.differ"));
            repeat.setInvalid(true);
            return false;
        }
        return true;
    }

    String value() {
        return password.getValue();
    }

    /** Shows a refusal on the new password when it names it (the API's field {@code newPassword}). */
    void show(ApiException problem, Component context, CommandValidation validation) {
        validation.show(problem, Map.of("newPassword", password, "password", password), context);
    }
}
