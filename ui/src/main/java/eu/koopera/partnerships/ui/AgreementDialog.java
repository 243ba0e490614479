package eu.koopera.partnerships.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.function.SerializableConsumer;
import eu.koopera.events.EventResponse;
import eu.koopera.members.MemberService;
import eu.koopera.networks.LocalizedText;
import eu.koopera.networks.NetworkResponse;
import eu.koopera.partnerships.AgreementCommand;
import eu.koopera.partnerships.AgreementResponse;
import eu.koopera.partnerships.AgreementService;
import eu.koopera.partnerships.AgreementStatus;
import eu.koopera.partnerships.AgreementType;
import eu.koopera.partnerships.LegalForm;
import eu.koopera.partnerships.PartyResponse;
import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import eu.koopera.ui.forms.CommandValidation;
import eu.koopera.ui.forms.Fields;
import eu.koopera.ui.i18n.ComponentTexts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Records or edits an agreement: its type, title in Latvian, Lithuanian and English, parties, legal form (community
 * partnerships only), forms of cooperation, purpose, signature, period (open-ended allowed), status, next review and
 * the networks and events it is linked to.
 * What the service refuses is shown translated on the fields it names, a party's on that party's row; edits send
 * back the version they were opened with.
 */
class AgreementDialog extends Dialog {

    private static final List<String> LANGUAGES = List.of("lv", "lt", "en");
    private static final Pattern INDEXED = Pattern.compile("^(parties|formsOfCooperation)\\[(\\d+)](.*)$");

    private final MemberService members;
    private final Select<AgreementType> type = new Select<>();
    private final List<TextField> titles = LANGUAGES.stream().map(language -> Fields.text(this,
            "partnerships.title." + language, "agreement-title-" + language)).toList();
    private final Select<LegalForm> legalForm = new Select<>();
    private final TextArea purpose = new TextArea(getTranslation("partnerships.purpose"));
    private final DatePicker signedOn = new DatePicker(getTranslation("partnerships.signedOn"));
    private final TextField signedPlace = Fields.text(this, "partnerships.signedPlace", "agreement-signed-place");
    private final DatePicker startsOn = new DatePicker(getTranslation("partnerships.startsOn"));
    private final DatePicker endsOn = new DatePicker(getTranslation("partnerships.endsOn"));
    private final Select<AgreementStatus> status = new Select<>();
    private final DatePicker nextReviewOn = new DatePicker(getTranslation("partnerships.nextReview"));
    private final Div partyRows = new Div();
    private final List<PartyRow> parties = new ArrayList<>();
    private final Paragraph partiesError = new Paragraph();
    private final Div formRows = new Div();
    private final MultiSelectComboBox<NetworkResponse> networks;
    private final MultiSelectComboBox<EventResponse> events;
    private final List<List<TextField>> forms = new ArrayList<>();
    /** Row ids are never reused, so that a removed row's id does not come back on another. */
    private int partyIds;
    private int formIds;

    AgreementDialog(AgreementResponse agreement, AgreementService agreements, MemberService members,
                    AgreementLinks links, CommandValidation validation,
                    SerializableConsumer<AgreementResponse> onSaved) {
        this.members = members;
        networks = links.networkChoice(this, agreement == null ? List.of() : agreement.networkIds());
        events = links.eventChoice(this, agreement == null ? List.of() : agreement.eventIds());
        setHeaderTitle(getTranslation(agreement == null ? "partnerships.create" : "partnerships.edit"));
        setWidth("min(70rem, 100vw)");
        type.setLabel(getTranslation("partnerships.type"));
        type.setId("agreement-type");
        type.setItems(AgreementType.values());
        type.setItemLabelGenerator(value -> getTranslation("partnerships.type." + value));
        type.setValue(AgreementType.COOPERATION_AGREEMENT);
        legalForm.setLabel(getTranslation("partnerships.legalForm"));
        legalForm.setId("agreement-legal-form");
        legalForm.setItems(LegalForm.values());
        legalForm.setEmptySelectionAllowed(true);
        legalForm.setEmptySelectionCaption(AgreementTexts.NONE);
        legalForm.setItemLabelGenerator(value -> value == null ? AgreementTexts.NONE
                : getTranslation("partnerships.legalForm." + value));
        type.addValueChangeListener(change -> legalForm.setVisible(
                change.getValue() == AgreementType.COMMUNITY_PARTNERSHIP));
        legalForm.setVisible(false);
        status.setLabel(getTranslation("partnerships.status"));
        status.setId("agreement-status");
        status.setItems(AgreementStatus.values());
        status.setItemLabelGenerator(value -> getTranslation("partnerships.status." + value));
        status.setValue(AgreementStatus.DRAFT);
        purpose.setId("agreement-purpose");
        signedOn.setId("agreement-signed-on");
        startsOn.setId("agreement-starts-on");
        endsOn.setId("agreement-ends-on");
        endsOn.setHelperText(getTranslation("partnerships.endsOn.help"));
        nextReviewOn.setId("agreement-next-review");
        List.of(signedOn, startsOn, endsOn, nextReviewOn).forEach(ComponentTexts::localize);

        FormLayout terms = new FormLayout();
        terms.add(type, status, legalForm);
        titles.forEach(terms::add);
        terms.add(signedOn, signedPlace, startsOn, endsOn, nextReviewOn, purpose, networks, events);
        terms.setColspan(purpose, 3);
        terms.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40rem", 3));

        partiesError.setId("agreement-parties-error");
        partiesError.addClassName("koopera-error-text");
        partiesError.setVisible(false);
        partyRows.setId("agreement-parties");
        Button addParty = new Button(getTranslation("partnerships.party.add"), VaadinIcon.PLUS.create(),
                click -> addParty());
        addParty.setId("add-party");
        formRows.setId("agreement-forms");
        Button addForm = new Button(getTranslation("partnerships.form.add"), VaadinIcon.PLUS.create(),
                click -> addForm(null));
        addForm.setId("add-form-of-cooperation");
        add(terms, new H3(getTranslation("partnerships.parties")), partiesError, partyRows, addParty,
                new H3(getTranslation("partnerships.forms")), formRows, addForm);

        if (agreement == null) {
            addParty();
            addParty();
        } else {
            fill(agreement);
        }

        Map<String, HasValidation> fields = Map.of("purpose", purpose, "signedPlace", signedPlace,
                "signedOn", signedOn, "startsOn", startsOn, "endsOn", endsOn, "nextReviewOn", nextReviewOn,
                "legalForm", legalForm, "type", type, "status", status);
        Button save = new Button(getTranslation("common.save"), click -> {
            titles.forEach(title -> title.setInvalid(false));
            forms.forEach(row -> row.forEach(field -> field.setInvalid(false)));
            partiesError.setVisible(false);
            boolean complete = parties.stream().map(PartyRow::checkRequired).reduce(true, Boolean::logicalAnd);
            if (parties.size() < 2) {
                // said at once, with whatever the service finds in the terms, which it checks before the parties
                partiesError.setText(getTranslation("problem.agreement.tooFewParties"));
                partiesError.setVisible(true);
            }
            AgreementCommand command = command(agreement);
            if (!validation.check(command, fields) || !complete) {
                return;
            }
            try {
                AgreementResponse saved = agreement == null ? agreements.create(command)
                        : agreements.update(agreement.id(), command);
                Notification.show(getTranslation("partnerships.saved", AgreementTexts.title(saved, getLocale())));
                onSaved.accept(saved);
                close();
            } catch (ApiException.BadRequest e) {
                showOnFields(e, fields);
            } catch (ApiException e) {
                CommandValidation.notifyError(this, e);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-agreement");
        getFooter().add(new Button(getTranslation("common.cancel"), click -> close()), save);
    }

    private AgreementCommand command(AgreementResponse agreement) {
        List<LocalizedText> formTexts = forms.stream().map(AgreementDialog::text)
                .filter(text -> !text.isEmpty()).toList();
        return new AgreementCommand(type.getValue(), text(titles),
                parties.stream().map(PartyRow::command).toList(),
                type.getValue() == AgreementType.COMMUNITY_PARTNERSHIP ? legalForm.getValue() : null,
                formTexts, Fields.blankToNull(purpose.getValue()), signedOn.getValue(),
                Fields.blankToNull(signedPlace.getValue()), startsOn.getValue(), endsOn.getValue(),
                nextReviewOn.getValue(), status.getValue(),
                networks.getSelectedItems().stream().map(NetworkResponse::id).toList(),
                events.getSelectedItems().stream().map(EventResponse::id).toList(),
                agreement == null ? null : agreement.version());
    }

    private void fill(AgreementResponse agreement) {
        type.setValue(agreement.type());
        for (int i = 0; i < LANGUAGES.size(); i++) {
            titles.get(i).setValue(Fields.nullToEmpty(texts(agreement.title()).get(i)));
        }
        legalForm.setValue(agreement.legalForm());
        purpose.setValue(Fields.nullToEmpty(agreement.purpose()));
        signedOn.setValue(agreement.signedOn());
        signedPlace.setValue(Fields.nullToEmpty(agreement.signedPlace()));
        startsOn.setValue(agreement.startsOn());
        endsOn.setValue(agreement.endsOn());
        status.setValue(agreement.status());
        nextReviewOn.setValue(agreement.nextReviewOn());
        for (PartyResponse party : agreement.parties()) {
            addParty().fill(party, agreement.owner(), members);
        }
        agreement.formsOfCooperation().forEach(this::addForm);
    }

    private PartyRow addParty() {
        PartyRow[] row = new PartyRow[1];
        row[0] = new PartyRow(partyIds++, members, () -> {
            parties.remove(row[0]);
            partyRows.remove(row[0]);
        });
        parties.add(row[0]);
        partyRows.add(row[0]);
        return row[0];
    }

    private void addForm(LocalizedText text) {
        int index = formIds++;
        List<TextField> row = LANGUAGES.stream().map(language -> Fields.text(this,
                "partnerships.form." + language, "form-" + index + "-" + language)).toList();
        if (text != null) {
            for (int i = 0; i < LANGUAGES.size(); i++) {
                row.get(i).setValue(Fields.nullToEmpty(texts(text).get(i)));
            }
        }
        HorizontalLayout line = new HorizontalLayout();
        Button remove = new Button(VaadinIcon.TRASH.create());
        remove.setId("form-" + index + "-remove");
        remove.setAriaLabel(getTranslation("partnerships.form.remove", index + 1));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.addClickListener(click -> {
            forms.remove(row);
            formRows.remove(line);
        });
        row.forEach(line::add);
        line.add(remove);
        line.setAlignItems(FlexComponent.Alignment.BASELINE);
        line.setWidthFull();
        row.forEach(field -> line.setFlexGrow(1, field));
        forms.add(row);
        formRows.add(line);
    }

    /** Marks what a refusal names: the fields, the party rows by their index, or the parties as a whole. */
    private void showOnFields(ApiException.BadRequest problem, Map<String, HasValidation> fields) {
        boolean placed = false;
        for (Problem.FieldError error : problem.errors()) {
            String field = error.field() == null ? "" : error.field();
            String message = CommandValidation.fieldMessage(this, error);
            Matcher indexed = INDEXED.matcher(field);
            if (indexed.matches()) {
                int index = Integer.parseInt(indexed.group(2));
                if (indexed.group(1).equals("parties") && index < parties.size()) {
                    parties.get(index).showError(indexed.group(3), message);
                    placed = true;
                } else if (indexed.group(1).equals("formsOfCooperation") && index < forms.size()) {
                    forms.get(index).forEach(text -> mark(text, message));
                    placed = true;
                }
            } else if (field.equals("parties")) {
                partiesError.setText(message);
                partiesError.setVisible(true);
                placed = true;
            } else if (field.startsWith("networkIds")) {
                mark(networks, message);
                placed = true;
            } else if (field.startsWith("eventIds")) {
                mark(events, message);
                placed = true;
            } else if (field.equals("title")) {
                titles.forEach(title -> mark(title, message));
                placed = true;
            } else if (fields.containsKey(field)) {
                mark(fields.get(field), message);
                placed = true;
            }
        }
        if (!placed) {
            CommandValidation.notifyError(this, problem);
        }
    }

    private static void mark(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    private static LocalizedText text(List<TextField> fields) {
        return new LocalizedText(Fields.blankToNull(fields.get(0).getValue()),
                Fields.blankToNull(fields.get(1).getValue()), Fields.blankToNull(fields.get(2).getValue()));
    }

    private static List<String> texts(LocalizedText text) {
        return java.util.Arrays.asList(text.lv(), text.lt(), text.en());
    }
}
