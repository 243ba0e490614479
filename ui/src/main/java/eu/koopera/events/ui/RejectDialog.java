package eu.koopera.events.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import eu.koopera.events.DecisionCommand;
import eu.koopera.events.RegistrationResponse;
import eu.koopera.events.RegistrationService;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.Fields;

/** Rejects a pending registration with the reason the registrant is mailed; the reason is required. */
class RejectDialog extends Dialog {

    RejectDialog(RegistrationResponse registration, String name, RegistrationService registrations,
                 Runnable onDecided) {
        setHeaderTitle(getTranslation("event.registration.reject.title", name));
        setWidth("min(40rem, 100vw)");
        setId("reject-dialog");
        TextArea reason = new TextArea(getTranslation("event.registration.reason"));
        reason.setId("reject-reason");
        reason.setWidthFull();
        reason.setRequired(true);
        reason.setMaxLength(2000);
        add(reason);
        Button reject = new Button(getTranslation("event.registration.reject"), click -> {
            if (Fields.blankToNull(reason.getValue()) == null) {
                reason.setErrorMessage(getTranslation("event.invalid.reason"));
                reason.setInvalid(true);
                return;
            }
            try {
                registrations.reject(registration.id(), new DecisionCommand(reason.getValue().strip()));
            } catch (ApiException e) {
                Refusals.notify(this, e);
            }
            close();
            onDecided.run();
        });
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        reject.setId("confirm-reject");
        getFooter().add(new Button(getTranslation("common.cancel"), click -> close()), reject);
    }
}
