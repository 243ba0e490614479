package eu.koopera.partnerships.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import eu.koopera.partnerships.AgreementResponse;
import eu.koopera.partnerships.CommitteeMemberCommand;
import eu.koopera.partnerships.CommitteeMemberResponse;
import eu.koopera.partnerships.CommitteeRole;
import eu.koopera.partnerships.CommitteeService;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.CommandValidation;
import eu.koopera.ui.forms.Fields;

import java.util.Map;

/** A twinning's committee: its members, residents and officials; the owner's staff add and remove them. */
class CommitteeTab extends VerticalLayout {

    private final AgreementResponse agreement;
    private final CommitteeService committee;
    private final Grid<CommitteeMemberResponse> grid = new Grid<>();

    CommitteeTab(AgreementResponse agreement, CommitteeService committee, CommandValidation validation,
                 boolean manages) {
        this.agreement = agreement;
        this.committee = committee;
        setPadding(false);
        if (manages) {
            TextField name = Fields.text(this, "partnerships.committee.name", "committee-name");
            TextField role = Fields.text(this, "partnerships.committee.role", "committee-role");
            TextField municipality = Fields.text(this, "partnerships.committee.municipality",
                    "committee-municipality");
            Select<CommitteeRole> kind = new Select<>();
            kind.setLabel(getTranslation("partnerships.committee.kind"));
            kind.setId("committee-kind");
            kind.setItems(CommitteeRole.values());
            kind.setItemLabelGenerator(value -> getTranslation("partnerships.committee.kind." + value));
            kind.setValue(CommitteeRole.OFFICIAL);
            Map<String, HasValidation> fields = Map.of("name", name, "role", role, "municipality", municipality,
                    "kind", kind);
            Button add = new Button(getTranslation("partnerships.committee.add"), VaadinIcon.PLUS.create(),
                    click -> {
                        CommitteeMemberCommand command = new CommitteeMemberCommand(name.getValue().strip(),
                                Fields.blankToNull(role.getValue()), Fields.blankToNull(municipality.getValue()),
                                kind.getValue());
                        if (!validation.check(command, fields)) {
                            return;
                        }
                        try {
                            committee.add(agreement.id(), command);
                            Notification.show(getTranslation("partnerships.committee.added", command.name()));
                            name.clear();
                            role.clear();
                            refresh();
                        } catch (ApiException e) {
                            validation.show(e, fields, this);
                        }
                    });
            add.setId("add-committee-member");
            FormLayout form = new FormLayout(name, role, municipality, kind, add);
            form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1),
                    new FormLayout.ResponsiveStep("40rem", 5));
            add(new H2(getTranslation("partnerships.committee.add")), form);
        }
        grid.setId("committee");
        grid.addColumn(CommitteeMemberResponse::name).setHeader(getTranslation("partnerships.committee.name"))
                .setFlexGrow(2);
        grid.addColumn(member -> AgreementTexts.orNone(member.role()))
                .setHeader(getTranslation("partnerships.committee.role")).setAutoWidth(true);
        grid.addColumn(member -> AgreementTexts.orNone(member.municipality()))
                .setHeader(getTranslation("partnerships.committee.municipality")).setAutoWidth(true);
        grid.addColumn(member -> getTranslation("partnerships.committee.kind." + member.kind()))
                .setHeader(getTranslation("partnerships.committee.kind")).setAutoWidth(true);
        if (manages) {
            grid.addComponentColumn(member -> {
                Button remove = new Button(VaadinIcon.TRASH.create(), click -> {
                    try {
                        committee.remove(agreement.id(), member.id());
                        refresh();
                    } catch (ApiException e) {
                        CommandValidation.notifyError(this, e);
                    }
                });
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                remove.setAriaLabel(getTranslation("partnerships.committee.remove", member.name()));
                return remove;
            }).setAutoWidth(true).setFlexGrow(0);
        }
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("partnerships.committee.none"));
        add(new H2(getTranslation("partnerships.tab.committee")), grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(committee.members(agreement.id()));
    }
}
