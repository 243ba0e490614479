package eu.koopera.events.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import eu.koopera.events.EventReportService;
import eu.koopera.events.FeedbackCommand;
import eu.koopera.events.RegistrationResponse;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.Fields;

import java.util.List;

/** The participant's feedback questionnaire: a rating from 1 (poor) to 5 (excellent) and a comment, given once. */
class FeedbackDialog extends Dialog {

    FeedbackDialog(RegistrationResponse registration, EventReportService reports, Runnable onGiven) {
        setHeaderTitle(getTranslation("event.feedback.give"));
        setWidth("min(36rem, 100vw)");
        setId("feedback-dialog");
        RadioButtonGroup<Integer> rating = new RadioButtonGroup<>(getTranslation("event.feedback.rating.label"));
        rating.setId("feedback-rating");
        rating.setItems(List.of(1, 2, 3, 4, 5));
        rating.setItemLabelGenerator(value -> getTranslation("event.feedback.rating." + value));
        rating.setRequired(true);
        rating.setErrorMessage(getTranslation("validation.required"));
        TextArea comment = new TextArea(getTranslation("event.feedback.comment"));
        comment.setId("feedback-comment");
        comment.setWidthFull();
        comment.setMaxLength(5000);
        add(rating, comment);
        Button send = new Button(getTranslation("event.feedback.send"), click -> {
            if (rating.getValue() == null) {
                rating.setInvalid(true);
                return;
            }
            try {
                reports.giveFeedback(registration.id(), new FeedbackCommand(rating.getValue(),
                        Fields.blankToNull(comment.getValue())));
                Notification.show(getTranslation("event.feedback.thanks"));
                close();
                onGiven.run();
            } catch (ApiException e) {
                Refusals.notify(this, e);
            }
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setId("send-feedback");
        getFooter().add(new Button(getTranslation("common.cancel"), click -> close()), send);
    }
}
