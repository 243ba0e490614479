package eu.koopera.people.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import eu.koopera.members.MemberResponse;
import eu.koopera.members.MemberService;
import eu.koopera.people.PeopleService;
import eu.koopera.people.PersonCommand;
import eu.koopera.people.PersonResponse;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.CommandValidation;
import eu.koopera.ui.forms.Fields;

import java.util.Map;

/**
 * Creates or edits a person. Edits send back the version the form was opened with, so a change someone else saved
 * meanwhile is refused instead of overwritten.
 */
class PersonDialog extends Dialog {

    private final MemberPicker member;
    private final TextField firstName = Fields.text(this, "people.firstName", "person-first-name");
    private final TextField lastName = Fields.text(this, "people.lastName", "person-last-name");
    private final TextField position = Fields.text(this, "people.position", "person-position");
    private final TextField email = Fields.text(this, "people.email", "person-email");
    private final TextField phone = Fields.text(this, "people.phone", "person-phone");
    private final LanguagesField languages = new LanguagesField("person-languages");
    private final TextArea notes = new TextArea(getTranslation("people.notes"));

    PersonDialog(PersonResponse person, PeopleService people, MemberService members,
                 CommandValidation validation, Runnable onSaved) {
        member = new MemberPicker("people.member", "person-member", members);
        setHeaderTitle(getTranslation(person == null ? "people.create" : "people.edit"));
        setWidth("min(48rem, 100vw)");
        member.setRequiredIndicatorVisible(true);
        firstName.setRequiredIndicatorVisible(true);
        lastName.setRequiredIndicatorVisible(true);
        notes.setId("person-notes");
        notes.setHelperText(getTranslation("people.notes.help"));
        FormLayout form = new FormLayout(member, firstName, lastName, position, email, phone, languages, notes);
        form.setColspan(member, 2);
        form.setColspan(notes, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2));
        add(form);
        if (person != null) {
            member.setValue(members.get(person.memberId()));
            firstName.setValue(person.firstName());
            lastName.setValue(person.lastName());
            position.setValue(Fields.nullToEmpty(person.position()));
            email.setValue(Fields.nullToEmpty(person.email()));
            phone.setValue(Fields.nullToEmpty(person.phone()));
            languages.setCodes(person.languages());
            notes.setValue(Fields.nullToEmpty(person.notes()));
        }

        Map<String, HasValidation> fields = Map.of("memberId", member, "firstName", firstName, "lastName", lastName,
                "position", position, "email", email, "phone", phone, "languages", languages, "notes", notes);
        Button save = new Button(getTranslation("common.save"), click -> save(person, people, validation,
                fields, onSaved));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-person");
        Button cancel = new Button(getTranslation("common.cancel"), click -> close());
        getFooter().add(cancel, save);
    }

    private void save(PersonResponse person, PeopleService people, CommandValidation validation,
                      Map<String, HasValidation> fields, Runnable onSaved) {
        MemberResponse organisation = member.getValue();
        PersonCommand command = new PersonCommand(organisation == null ? null : organisation.id(),
                firstName.getValue().strip(), lastName.getValue().strip(), Fields.blankToNull(position.getValue()),
                Fields.blankToNull(email.getValue()), Fields.blankToNull(phone.getValue()), languages.codes(),
                Fields.blankToNull(notes.getValue()), person == null ? null : person.version());
        if (!validation.check(command, fields)) {
            return;
        }
        try {
            PersonResponse saved = person == null ? people.create(command)
                    : people.update(person.id(), command);
            Notification.show(getTranslation("people.saved", saved.firstName() + " " + saved.lastName()));
            onSaved.run();
            close();
        } catch (ApiException.Conflict e) {
            if (e.current() == null) {
                email.setErrorMessage(getTranslation("people.email.taken"));
                email.setInvalid(true);
            } else {
                Notification notification = Notification.show(getTranslation("people.conflict.stale"), 8000,
                        Notification.Position.TOP_CENTER);
                notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        } catch (ApiException e) {
            validation.show(e, fields, this);
        }
    }
}
