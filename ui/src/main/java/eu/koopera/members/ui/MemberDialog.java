package eu.koopera.members.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import eu.koopera.members.MemberCommand;
import eu.koopera.members.MemberKind;
import eu.koopera.members.MemberResponse;
import eu.koopera.members.MemberService;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.CommandValidation;
import eu.koopera.ui.forms.Fields;

import java.util.Map;

/**
 * Creates or edits a member. Edits send back the version the form was opened with, so a change someone else saved
 * meanwhile is refused instead of overwritten.
 */
class MemberDialog extends Dialog {

    private final TextField name = Fields.text(this, "members.name", "member-name");
    private final TextField code = Fields.text(this, "members.code", "member-code");
    private final Select<MemberKind> kind = new Select<>();
    private final TextField country = Fields.text(this, "members.country", "member-country");
    private final TextField region = Fields.text(this, "members.region", "member-region");
    private final IntegerField population = new IntegerField();
    private final IntegerField populationYear = new IntegerField();
    private final TextField address = Fields.text(this, "members.address", "member-address");
    private final TextField website = Fields.text(this, "members.website", "member-website");
    private final TextArea notes = new TextArea();

    MemberDialog(MemberResponse member, MemberService members, CommandValidation validation,
                 Runnable onSaved) {
        setHeaderTitle(getTranslation(member == null ? "members.create" : "members.edit"));
        setWidth("min(52rem, 100vw)");
        name.setRequiredIndicatorVisible(true);
        code.setRequiredIndicatorVisible(true);
        kind.setLabel(getTranslation("members.kind"));
        kind.setId("member-kind");
        kind.setItems(MemberKind.values());
        kind.setEmptySelectionAllowed(true);
        kind.setItemLabelGenerator(value -> value == null ? "" : getTranslation("members.kind." + value));
        population.setLabel(getTranslation("members.population"));
        population.setId("member-population");
        population.setMin(0);
        population.setMax(100_000_000);
        population.setI18n(new IntegerField.IntegerFieldI18n()
                .setMinErrorMessage(getTranslation("members.population.negative"))
                .setMaxErrorMessage(getTranslation("members.population.tooLarge"))
                .setBadInputErrorMessage(getTranslation("validation.wholeNumber")));
        populationYear.setLabel(getTranslation("members.populationYear"));
        populationYear.setId("member-population-year");
        populationYear.setMin(1800);
        populationYear.setMax(2200);
        populationYear.setI18n(new IntegerField.IntegerFieldI18n()
                .setMinErrorMessage(getTranslation("members.populationYear.range"))
                .setMaxErrorMessage(getTranslation("members.populationYear.range"))
                .setBadInputErrorMessage(getTranslation("validation.wholeNumber")));
        notes.setLabel(getTranslation("members.notes"));
        notes.setId("member-notes");
        website.setPlaceholder("https://");
        FormLayout form = new FormLayout(name, code, kind, country, region, population, populationYear, address,
                website, notes);
        form.setColspan(name, 2);
        form.setColspan(notes, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2));
        add(form);
        if (member != null) {
            name.setValue(member.name());
            code.setValue(member.code());
            kind.setValue(member.kind());
            country.setValue(Fields.nullToEmpty(member.country()));
            region.setValue(Fields.nullToEmpty(member.region()));
            population.setValue(member.population());
            populationYear.setValue(member.populationYear());
            address.setValue(Fields.nullToEmpty(member.address()));
            website.setValue(Fields.nullToEmpty(member.website()));
            notes.setValue(Fields.nullToEmpty(member.notes()));
        } else {
            country.setValue("LV");
        }

        Map<String, HasValidation> fields = Map.of("name", name, "code", code, "country", country,
                "region", region, "population", population, "populationYear", populationYear, "address", address,
                "website", website, "notes", notes);
        Button save = new Button(getTranslation("common.save"), click -> {
            MemberCommand command = new MemberCommand(name.getValue().strip(), code.getValue().strip(),
                    kind.getValue(), Fields.blankToNull(country.getValue()), Fields.blankToNull(region.getValue()),
                    population.getValue(), populationYear.getValue(), Fields.blankToNull(address.getValue()),
                    Fields.blankToNull(website.getValue()), Fields.blankToNull(notes.getValue()), null,
                    member == null ? null : member.version());
            if (population.isInvalid() || populationYear.isInvalid() || !validation.check(command, fields)) {
                return;
            }
            try {
                MemberResponse saved = member == null ? members.create(command)
                        : members.update(member.id(), command);
                Notification.show(getTranslation("members.saved", saved.name()));
                onSaved.run();
                close();
            } catch (ApiException.Conflict e) {
                if (e.current() == null) {
                    code.setErrorMessage(getTranslation("members.code.taken"));
                    code.setInvalid(true);
                } else {
                    CommandValidation.notifyError(this, e);
                }
            } catch (ApiException e) {
                validation.show(e, fields, this);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-member");
        Button cancel = new Button(getTranslation("common.cancel"), click -> close());
        getFooter().add(cancel, save);
    }
}
