package eu.koopera.networks.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import eu.koopera.networks.ApplicationResponse;
import eu.koopera.networks.DecisionCommand;
import eu.koopera.networks.PilotApplicationService;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.Fields;

/** Accepts or rejects a pilot application, asking for the reason (required to reject). */
class DecisionDialog extends Dialog {

    DecisionDialog(ApplicationResponse application, boolean accept, PilotApplicationService applications,
                   Runnable onDecided) {
        setHeaderTitle(getTranslation(accept ? "network.application.accept.title"
                : "network.application.reject.title", application.memberName()));
        setWidth("min(40rem, 100vw)");
        TextArea reason = new TextArea(getTranslation("network.application.reason"));
        reason.setId("decision-reason");
        reason.setWidthFull();
        reason.setRequired(!accept);
        add(reason);
        Button confirm = new Button(getTranslation(accept ? "network.application.accept"
                : "network.application.reject"), click -> {
            DecisionCommand command = new DecisionCommand(Fields.blankToNull(reason.getValue()));
            try {
                if (accept) {
                    applications.accept(application.networkId(), application.id(), command);
                } else {
                    applications.reject(application.networkId(), application.id(), command);
                }
                close();
                onDecided.run();
            } catch (ApiException.BadRequest e) {
                reason.setErrorMessage(getTranslation("network.invalid.reason"));
                reason.setInvalid(true);
            } catch (ApiException e) {
                Refusals.notify(this, e, getTranslation(accept ? "network.application.acceptConflict"
                        : "network.application.decided"));
                close();
                onDecided.run();
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setId("confirm-decision");
        getFooter().add(new Button(getTranslation("common.cancel"), click -> close()), confirm);
    }
}
