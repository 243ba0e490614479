package eu.koopera.people.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import eu.koopera.people.InvitationCommand;
import eu.koopera.people.InvitationResponse;
import eu.koopera.people.InvitationService;
import eu.koopera.people.PersonResponse;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.CommandValidation;

import java.util.List;
import java.util.Set;

/** Invites a person to become a user with the roles chosen; the service mails them the link. */
class InvitationDialog extends Dialog {

    static final List<String> ROLES = List.of(Roles.MEMBER, Roles.NETWORK_COORDINATOR, Roles.ASSOCIATION_ADMIN);

    InvitationDialog(PersonResponse person, InvitationService invitations, Runnable onInvited) {
        String name = person.firstName() + " " + person.lastName();
        setHeaderTitle(getTranslation("invitations.invite.title", name));
        setWidth("min(32rem, 100vw)");
        CheckboxGroup<String> roles = new CheckboxGroup<>(getTranslation("invitations.roles"));
        roles.setId("invitation-roles");
        roles.setItems(ROLES);
        roles.setItemLabelGenerator(role -> getTranslation("role." + role));
        roles.setValue(Set.of(Roles.MEMBER));
        roles.setRequiredIndicatorVisible(true);
        add(new Paragraph(getTranslation("invitations.invite.text", person.email())), roles);

        Button send = new Button(getTranslation("invitations.invite.send"), click -> {
            if (roles.getValue().isEmpty()) {
                roles.setErrorMessage(getTranslation("invitations.roles.required"));
                roles.setInvalid(true);
                return;
            }
            try {
                InvitationResponse sent = invitations.invite(person.id(),
                        new InvitationCommand(Set.copyOf(roles.getValue())));
                Notification.show(getTranslation("invitations.sent", sent.email()), 5000,
                        Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                onInvited.run();
                close();
            } catch (ApiException e) {
                CommandValidation.notifyError(this, e);
            }
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setId("send-invitation");
        Button cancel = new Button(getTranslation("common.cancel"), click -> close());
        getFooter().add(cancel, send);
    }
}
