package eu.koopera.networks.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.renderer.LitRenderer;
import eu.koopera.members.MemberResponse;
import eu.koopera.networks.ApplicationCommand;
import eu.koopera.networks.ApplicationResponse;
import eu.koopera.networks.ApplicationStatus;
import eu.koopera.networks.DecisionCommand;
import eu.koopera.networks.NetworkResponse;
import eu.koopera.networks.NetworkStatus;
import eu.koopera.networks.ParticipantResponse;
import eu.koopera.networks.ParticipationService;
import eu.koopera.networks.PilotApplicationService;
import eu.koopera.people.PeopleService;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.CommandValidation;
import eu.koopera.ui.forms.Fields;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;

/**
 * Pilot applications: the network's managers accept or reject open ones with a reason; while the network is open
 * for applications, a taking-part municipality applies through its officer or its association's administrators.
 */
class ApplicationsTab extends VerticalLayout {

    private final NetworkResponse network;
    private final PilotApplicationService applications;
    private final Grid<ApplicationResponse> grid = new Grid<>(ApplicationResponse.class, false);

    ApplicationsTab(NetworkResponse network, PilotApplicationService applications,
                    ParticipationService participation, PeopleService people, CommandValidation validation,
                    NetworkView.Access access) {
        this.network = network;
        this.applications = applications;
        setPadding(false);
        DateTimeFormatter times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(ZoneId.of("Europe/Riga"));
        grid.setId("applications");
        grid.addColumn(application -> application.memberName() + " (" + application.tenant() + ")")
                .setHeader(getTranslation("network.application.member")).setAutoWidth(true);
        grid.addColumn(ApplicationResponse::motivation).setHeader(getTranslation("network.application.motivation"))
                .setFlexGrow(3);
        grid.addColumn(application -> getTranslation("network.application.status." + application.status()))
                .setHeader(getTranslation("networks.status")).setAutoWidth(true);
        grid.addColumn(ApplicationResponse::reason).setHeader(getTranslation("network.application.reason"))
                .setFlexGrow(2);
        grid.addColumn(application -> times.format(application.appliedAt()))
                .setHeader(getTranslation("network.application.appliedAt")).setAutoWidth(true);
        if (access.manages()) {
            grid.addColumn(LitRenderer.<ApplicationResponse>of("""
                            <vaadin-button theme="tertiary-inline" ?hidden="${!item.open}" @click="${accept}">\
                            ${item.acceptLabel}</vaadin-button>
                            <vaadin-button theme="tertiary-inline error" ?hidden="${!item.open}" \
                            @click="${reject}">${item.rejectLabel}</vaadin-button>""")
                            .withProperty("open", application -> application.status() == ApplicationStatus.OPEN)
                            .withProperty("acceptLabel", application -> getTranslation("network.application.accept"))
                            .withProperty("rejectLabel", application -> getTranslation("network.application.reject"))
                            .withFunction("accept", application -> decide(application, true))
                            .withFunction("reject", application -> decide(application, false)))
                    .setHeader(getTranslation("common.actions")).setKey("actions").setAutoWidth(true)
                    .setFlexGrow(0);
        }
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        List<ParticipantResponse> candidates = network.status() == NetworkStatus.OPEN_FOR_APPLICATIONS
                ? candidates(participation, people, access) : List.of();
        Button apply = new Button(getTranslation("network.apply"), VaadinIcon.FLAG.create(),
                click -> apply(candidates, validation));
        apply.setId("apply");
        apply.setVisible(!candidates.isEmpty());
        add(apply, grid);
        refresh();
    }

    /** The municipalities the user may apply for: their association's, or an officer's own. */
    private List<ParticipantResponse> candidates(ParticipationService participation, PeopleService people,
                                                 NetworkView.Access access) {
        String tenant = access.caller().tenantCode();
        List<ParticipantResponse> own = participation.participants(network.id()).stream()
                .filter(participant -> participant.tenant().equals(tenant)).toList();
        if (access.caller().hasRole(Roles.ASSOCIATION_ADMIN) || access.caller().hasRole(Roles.NETWORK_COORDINATOR)) {
            return own;
        }
        MemberResponse member = people.me().member();
        return member == null ? List.of() : own.stream().filter(p -> p.memberId() == member.id()).toList();
    }

    private void apply(List<ParticipantResponse> candidates, CommandValidation validation) {
        Dialog dialog = new Dialog(getTranslation("network.apply"));
        dialog.setWidth("min(40rem, 100vw)");
        Select<ParticipantResponse> member = new Select<>();
        member.setLabel(getTranslation("network.application.member"));
        member.setId("application-member");
        member.setItems(candidates);
        member.setItemLabelGenerator(ParticipantResponse::memberName);
        member.setValue(candidates.getFirst());
        TextArea motivation = new TextArea(getTranslation("network.application.motivation"));
        motivation.setId("application-motivation");
        motivation.setWidthFull();
        dialog.add(new VerticalLayout(member, motivation));
        Button submit = new Button(getTranslation("network.apply.submit"), click -> {
            ApplicationCommand command = new ApplicationCommand(member.getValue() == null ? null
                    : member.getValue().memberId(), Fields.blankToNull(motivation.getValue()));
            if (!validation.check(command, Map.of("memberId", member, "motivation", motivation))) {
                return;
            }
            try {
                applications.apply(network.id(), command);
                Notification.show(getTranslation("network.applied"));
                dialog.close();
                refresh();
            } catch (ApiException e) {
                Refusals.notify(this, e, getTranslation("network.apply.conflict"));
            }
        });
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setId("submit-application");
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()), submit);
        dialog.open();
    }

    /** Asks for the reason (required to reject) and records the decision. */
    private void decide(ApplicationResponse application, boolean accept) {
        Dialog dialog = new Dialog(getTranslation(accept ? "network.application.accept.title"
                : "network.application.reject.title", application.memberName()));
        dialog.setWidth("min(40rem, 100vw)");
        TextArea reason = new TextArea(getTranslation("network.application.reason"));
        reason.setId("decision-reason");
        reason.setWidthFull();
        reason.setRequired(!accept);
        dialog.add(reason);
        Button confirm = new Button(getTranslation(accept ? "network.application.accept"
                : "network.application.reject"), click -> {
            DecisionCommand command = new DecisionCommand(Fields.blankToNull(reason.getValue()));
            try {
                if (accept) {
                    applications.accept(network.id(), application.id(), command);
                } else {
                    applications.reject(network.id(), application.id(), command);
                }
                dialog.close();
                refresh();
            } catch (ApiException.BadRequest e) {
                reason.setErrorMessage(getTranslation("network.invalid.reason"));
                reason.setInvalid(true);
            } catch (ApiException e) {
                Refusals.notify(this, e, getTranslation(accept ? "network.application.acceptConflict"
                        : "network.application.decided"));
                dialog.close();
                refresh();
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setId("confirm-decision");
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()), confirm);
        dialog.open();
    }

    private void refresh() {
        grid.setItems(applications.list(network.id()));
    }
}
