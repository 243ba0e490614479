package eu.koopera.networks.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import eu.koopera.networks.ApplicationCommand;
import eu.koopera.networks.ParticipantResponse;
import eu.koopera.networks.PilotApplicationService;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.CommandValidation;
import eu.koopera.ui.forms.Fields;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Applies for one of the user's municipalities to be a pilot of a network, with a motivation. */
class ApplyDialog extends Dialog {

    ApplyDialog(UUID networkId, List<ParticipantResponse> candidates, PilotApplicationService applications,
                CommandValidation validation, Runnable onApplied) {
        setHeaderTitle(getTranslation("network.apply"));
        setWidth("min(40rem, 100vw)");
        Select<ParticipantResponse> member = new Select<>();
        member.setLabel(getTranslation("network.application.member"));
        member.setId("application-member");
        member.setItems(candidates);
        member.setItemLabelGenerator(ParticipantResponse::memberName);
        member.setValue(candidates.getFirst());
        TextArea motivation = new TextArea(getTranslation("network.application.motivation"));
        motivation.setId("application-motivation");
        motivation.setWidthFull();
        add(new VerticalLayout(member, motivation));
        Button submit = new Button(getTranslation("network.apply.submit"), click -> {
            ApplicationCommand command = new ApplicationCommand(member.getValue() == null ? null
                    : member.getValue().memberId(), Fields.blankToNull(motivation.getValue()));
            if (!validation.check(command, Map.of("memberId", member, "motivation", motivation))) {
                return;
            }
            try {
                applications.apply(networkId, command);
                Notification.show(getTranslation("network.applied"));
                close();
                onApplied.run();
            } catch (ApiException e) {
                Refusals.notify(this, e, getTranslation("network.apply.conflict"));
            }
        });
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setId("submit-application");
        getFooter().add(new Button(getTranslation("common.cancel"), click -> close()), submit);
    }
}
