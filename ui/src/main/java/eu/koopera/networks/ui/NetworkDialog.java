package eu.koopera.networks.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.function.SerializableConsumer;
import eu.koopera.networks.LocalizedText;
import eu.koopera.networks.NetworkCommand;
import eu.koopera.networks.NetworkResponse;
import eu.koopera.networks.NetworkService;
import eu.koopera.networks.NetworkStatus;
import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import eu.koopera.ui.forms.CommandValidation;
import eu.koopera.ui.forms.Fields;

import eu.koopera.ui.i18n.ComponentTexts;
import java.util.List;
import java.util.Map;

/**
 * Creates or edits a network: its name and description in Latvian, Lithuanian and English (a name in at least one),
 * theme, status, period and pilot limit. What the service refuses is shown on the fields it names; edits send back
 * the version they were opened with, so a change saved meanwhile is refused instead of overwritten.
 */
class NetworkDialog extends Dialog {

    private static final List<String> LANGUAGES = List.of("lv", "lt", "en");

    private final List<TextField> names = LANGUAGES.stream().map(language -> Fields.text(this,
            "networks.name." + language, "network-name-" + language)).toList();
    private final List<TextArea> descriptions = LANGUAGES.stream().map(this::description).toList();
    private final TextField theme = Fields.text(this, "networks.theme", "network-theme");
    private final Select<NetworkStatus> status = new Select<>();
    private final DatePicker startsOn = new DatePicker(getTranslation("networks.startsOn"));
    private final DatePicker endsOn = new DatePicker(getTranslation("networks.endsOn"));
    private final IntegerField maxPilots = new IntegerField(getTranslation("networks.maxPilots"));

    NetworkDialog(NetworkResponse network, NetworkService networks, CommandValidation validation,
                  SerializableConsumer<NetworkResponse> onSaved) {
        setHeaderTitle(getTranslation(network == null ? "networks.create" : "networks.edit"));
        setWidth("min(60rem, 100vw)");
        status.setLabel(getTranslation("networks.status"));
        status.setId("network-status");
        status.setItems(NetworkStatus.values());
        status.setItemLabelGenerator(value -> getTranslation("networks.status." + value));
        status.setValue(NetworkStatus.PLANNED);
        startsOn.setId("network-starts-on");
        endsOn.setId("network-ends-on");
        ComponentTexts.localize(startsOn);
        ComponentTexts.localize(endsOn);
        maxPilots.setId("network-max-pilots");
        maxPilots.setMin(0);
        maxPilots.setMax(1000);
        FormLayout form = new FormLayout();
        names.forEach(form::add);
        descriptions.forEach(form::add);
        form.add(theme, status, startsOn, endsOn, maxPilots);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40rem", 3));
        add(form);
        if (network != null) {
            fill(network);
        }

        Map<String, HasValidation> fields = Map.of("theme", theme, "startsOn", startsOn, "endsOn", endsOn,
                "maxPilots", maxPilots);
        Button save = new Button(getTranslation("common.save"), click -> {
            NetworkCommand command = new NetworkCommand(text(names), text(descriptions),
                    Fields.blankToNull(theme.getValue()), status.getValue(), startsOn.getValue(),
                    endsOn.getValue(), maxPilots.getValue(), network == null ? null : network.version());
            names.forEach(name -> name.setInvalid(false));
            descriptions.forEach(description -> description.setInvalid(false));
            if (maxPilots.isInvalid() || !validation.check(command, fields)) {
                return;
            }
            try {
                NetworkResponse saved = network == null ? networks.create(command)
                        : networks.update(network.id(), command);
                Notification.show(getTranslation("networks.saved", NetworksView.inLanguage(saved.name(),
                        getLocale())));
                onSaved.accept(saved);
                close();
            } catch (ApiException.BadRequest e) {
                showOnFields(e, fields);
            } catch (ApiException e) {
                Refusals.notify(this, e, getTranslation("networks.stale"));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-network");
        getFooter().add(new Button(getTranslation("common.cancel"), click -> close()), save);
    }

    private void fill(NetworkResponse network) {
        List<String> nameTexts = texts(network.name());
        List<String> descriptionTexts = texts(network.description());
        for (int i = 0; i < LANGUAGES.size(); i++) {
            names.get(i).setValue(nameTexts.get(i));
            descriptions.get(i).setValue(descriptionTexts.get(i));
        }
        theme.setValue(Fields.nullToEmpty(network.theme()));
        status.setValue(network.status());
        startsOn.setValue(network.startsOn());
        endsOn.setValue(network.endsOn());
        maxPilots.setValue(network.maxPilots());
    }

    /** Marks the fields a refusal names, with the reason in the user's language. */
    private void showOnFields(ApiException.BadRequest problem, Map<String, HasValidation> fields) {
        boolean placed = false;
        for (Problem.FieldError error : problem.errors()) {
            List<? extends HasValidation> marked = switch (error.field() == null ? "" : error.field()) {
                case "name" -> names;
                case "description" -> descriptions;
                case "endsOn" -> List.of(endsOn);
                default -> List.of();
            };
            for (HasValidation field : marked) {
                field.setErrorMessage(getTranslation("network.invalid." + error.field()));
                field.setInvalid(true);
                placed = true;
            }
        }
        if (!placed) {
            Refusals.notify(this, problem, getTranslation("networks.stale"));
        }
    }

    private TextArea description(String language) {
        TextArea area = new TextArea(getTranslation("networks.description." + language));
        area.setId("network-description-" + language);
        return area;
    }

    private static LocalizedText text(List<? extends HasValue<?, String>> fields) {
        return new LocalizedText(Fields.blankToNull(fields.get(0).getValue()),
                Fields.blankToNull(fields.get(1).getValue()), Fields.blankToNull(fields.get(2).getValue()));
    }

    private static List<String> texts(LocalizedText text) {
        return List.of(Fields.nullToEmpty(text.lv()), Fields.nullToEmpty(text.lt()), Fields.nullToEmpty(text.en()));
    }
}
