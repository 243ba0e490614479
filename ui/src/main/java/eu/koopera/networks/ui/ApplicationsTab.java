package eu.koopera.networks.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.LitRenderer;
import eu.koopera.members.MemberResponse;
import eu.koopera.networks.ApplicationResponse;
import eu.koopera.networks.ApplicationStatus;
import eu.koopera.networks.NetworkResponse;
import eu.koopera.networks.NetworkStatus;
import eu.koopera.networks.ParticipantResponse;
import eu.koopera.networks.ParticipationService;
import eu.koopera.networks.PilotApplicationService;
import eu.koopera.people.PeopleService;
import eu.koopera.platform.security.Roles;
import eu.koopera.ui.forms.CommandValidation;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

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
        new ApplyDialog(network.id(), candidates, applications, validation, this::refresh).open();
    }

    private void decide(ApplicationResponse application, boolean accept) {
        new DecisionDialog(application, accept, applications, this::refresh).open();
    }

    private void refresh() {
        grid.setItems(applications.list(network.id()));
    }
}
