package eu.koopera.benchlearning.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import eu.koopera.benchlearning.PeerGroup;
import eu.koopera.benchlearning.PeerGroupCommand;
import eu.koopera.benchlearning.PeerGroupService;
import eu.koopera.members.MemberKind;
import eu.koopera.members.MemberResponse;
import eu.koopera.networks.NetworkResponse;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.CommandValidation;
import eu.koopera.ui.forms.Fields;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Creates a peer group of one of three kinds: hand-picked members, the association's members taking part in a
 * network, or criteria that all apply (member kinds, a population band, a region). Only the chosen kind's fields show.
 */
class PeerGroupDialog extends Dialog {

    private final PeerGroupService groups;
    private final CommandValidation validation;
    private final Consumer<PeerGroup> onSaved;
    private final TextField name = Fields.text(this, "bench.groups.name", "group-name");
    private final RadioButtonGroup<PeerGroupKind> kind = new RadioButtonGroup<>();
    private final MultiSelectComboBox<MemberResponse> members = new MultiSelectComboBox<>();
    private final MultiSelectComboBox<MemberKind> kinds = new MultiSelectComboBox<>();
    private final IntegerField populationMin = new IntegerField();
    private final IntegerField populationMax = new IntegerField();
    private final TextField region = Fields.text(this, "bench.groups.region", "group-region");
    private final ComboBox<NetworkResponse> network = new ComboBox<>();

    PeerGroupDialog(PeerGroupService groups, CommandValidation validation, List<MemberResponse> register,
                    List<NetworkResponse> networks, String language, Consumer<PeerGroup> onSaved) {
        this.groups = groups;
        this.validation = validation;
        this.onSaved = onSaved;
        setHeaderTitle(getTranslation("bench.groups.create"));
        kind.setLabel(getTranslation("bench.groups.kind"));
        kind.setId("group-kind");
        kind.setItems(PeerGroupKind.values());
        kind.setItemLabelGenerator(value -> getTranslation("bench.groups.kind." + value));
        kind.setValue(PeerGroupKind.HAND_PICKED);
        members.setLabel(getTranslation("bench.groups.members"));
        members.setId("group-members");
        members.setItems(register);
        members.setItemLabelGenerator(MemberResponse::name);
        kinds.setLabel(getTranslation("bench.groups.memberKinds"));
        kinds.setId("group-member-kinds");
        kinds.setItems(MemberKind.values());
        kinds.setItemLabelGenerator(value -> value.label(language));
        populationMin.setLabel(getTranslation("bench.groups.populationMin"));
        populationMin.setId("group-population-min");
        populationMin.setMin(0);
        populationMax.setLabel(getTranslation("bench.groups.populationMax"));
        populationMax.setId("group-population-max");
        populationMax.setMin(0);
        network.setLabel(getTranslation("bench.side.network"));
        network.setId("group-network");
        network.setItems(networks);
        network.setItemLabelGenerator(item -> item.name().in(language));
        kind.addValueChangeListener(e -> showFieldsOf(e.getValue()));
        showFieldsOf(kind.getValue());
        FormLayout form = new FormLayout(name, kind, members, kinds, populationMin, populationMax, region, network);
        form.setColspan(kind, 2);
        form.setColspan(members, 2);
        add(form);
        Button save = new Button(getTranslation("bench.groups.save"), click -> save());
        save.setId("save-peer-group");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("bench.indicator.cancel"), click -> close());
        getFooter().add(cancel, save);
        setWidth("44em");
    }

    private void showFieldsOf(PeerGroupKind chosen) {
        members.setVisible(chosen == PeerGroupKind.HAND_PICKED);
        boolean criteria = chosen == PeerGroupKind.CRITERIA;
        kinds.setVisible(criteria);
        populationMin.setVisible(criteria);
        populationMax.setVisible(criteria);
        region.setVisible(criteria);
        network.setVisible(chosen == PeerGroupKind.NETWORK);
    }

    /** The command of the chosen kind only, so that fields of another kind filled in before do not count. */
    private PeerGroupCommand command() {
        String groupName = Fields.nullToEmpty(Fields.blankToNull(name.getValue()));
        return switch (kind.getValue()) {
            case HAND_PICKED -> new PeerGroupCommand(groupName,
                    members.getValue().stream().map(MemberResponse::id).toList(), null, null, null, null, null);
            case CRITERIA -> new PeerGroupCommand(groupName, null, List.copyOf(kinds.getValue()),
                    populationMin.getValue(), populationMax.getValue(), Fields.blankToNull(region.getValue()), null);
            case NETWORK -> new PeerGroupCommand(groupName, null, null, null, null, null,
                    network.getValue() == null ? null : network.getValue().id());
        };
    }

    private Map<String, HasValidation> fields() {
        return Map.of("name", name, "members", kind.getValue() == PeerGroupKind.HAND_PICKED ? members
                        : kind.getValue() == PeerGroupKind.NETWORK ? network : kinds,
                "kinds", kinds, "populationMin", populationMin, "populationMax", populationMax, "region", region,
                "network", network);
    }

    private void save() {
        PeerGroupCommand command = command();
        if (!validation.check(command, fields())) {
            return;
        }
        try {
            PeerGroup saved = groups.create(command);
            Notification.show(getTranslation("bench.groups.saved", saved.name()));
            close();
            onSaved.accept(saved);
        } catch (ApiException e) {
            validation.show(e, fields(), this);
        }
    }
}
