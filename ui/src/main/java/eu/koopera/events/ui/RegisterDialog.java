package eu.koopera.events.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import eu.koopera.events.EventResponse;
import eu.koopera.events.ParticipantRole;
import eu.koopera.events.RegistrationCommand;
import eu.koopera.events.RegistrationResponse;
import eu.koopera.events.RegistrationService;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.Fields;

import java.util.function.Consumer;

/**
 * Registers the signed-in user for an event: in which role they take part, and any dietary or accessibility needs,
 * which are sent only with their explicit consent to those data being processed for the event and erased after it.
 */
class RegisterDialog extends Dialog {

    private final RadioButtonGroup<ParticipantRole> role = new RadioButtonGroup<>();
    private final TextArea dietary = new TextArea();
    private final TextArea accessibility = new TextArea();
    private final Checkbox consent = new Checkbox();

    RegisterDialog(EventResponse event, RegistrationService registrations, Consumer<RegistrationResponse> onDone) {
        setHeaderTitle(getTranslation("event.register.title", EventFormat.title(event, getLocale())));
        setWidth("min(40rem, 100vw)");
        setId("register-dialog");
        role.setLabel(getTranslation("event.registration.role"));
        role.setId("register-role");
        role.setItems(ParticipantRole.values());
        role.setItemLabelGenerator(value -> getTranslation("event.role." + value));
        role.setValue(ParticipantRole.STAFF);
        dietary.setLabel(getTranslation("event.registration.dietary"));
        dietary.setId("register-dietary");
        dietary.setWidthFull();
        dietary.setMaxLength(2000);
        accessibility.setLabel(getTranslation("event.registration.accessibility"));
        accessibility.setId("register-accessibility");
        accessibility.setWidthFull();
        accessibility.setMaxLength(2000);
        consent.setLabel(getTranslation("event.registration.consent", event.retentionDays()));
        consent.setId("register-consent");
        add(new Paragraph(EventFormat.when(event, getLocale())), role, dietary, accessibility, consent);

        Button register = new Button(getTranslation("event.register"), click -> {
            String dietaryNeeds = Fields.blankToNull(dietary.getValue());
            String accessibilityNeeds = Fields.blankToNull(accessibility.getValue());
            boolean needs = dietaryNeeds != null || accessibilityNeeds != null;
            if (needs && !consent.getValue()) {
                consent.setErrorMessage(getTranslation("event.problem.registration.consent-required"));
                consent.setInvalid(true);
                return;
            }
            try {
                RegistrationResponse registered = registrations.register(event.id(), new RegistrationCommand(null,
                        role.getValue(), dietaryNeeds, accessibilityNeeds, needs ? Boolean.TRUE : null));
                Notification.show(getTranslation("event.registered." + registered.status()));
                close();
                onDone.accept(registered);
            } catch (ApiException e) {
                Refusals.notify(this, e);
            }
        });
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        register.setId("confirm-register");
        getFooter().add(new Button(getTranslation("common.cancel"), click -> close()), register);
    }
}
