package eu.koopera.networks.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import eu.koopera.members.MemberService;
import eu.koopera.networks.ActivityService;
import eu.koopera.networks.CoordinatorResponse;
import eu.koopera.networks.DocumentService;
import eu.koopera.platform.documents.DocumentSettings;
import eu.koopera.networks.MeetingService;
import eu.koopera.networks.NetworkResponse;
import eu.koopera.networks.NetworkService;
import eu.koopera.networks.ParticipationService;
import eu.koopera.networks.PilotApplicationService;
import eu.koopera.people.PeopleService;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.AccessibleTabs;
import eu.koopera.ui.forms.CommandValidation;
import eu.koopera.ui.forms.Fields;
import eu.koopera.ui.i18n.ComponentTexts;
import eu.koopera.ui.layout.MainLayout;
import eu.koopera.ui.session.AllowedRoles;
import eu.koopera.ui.session.UiSessions;
import io.micronaut.context.annotation.Prototype;

import java.text.NumberFormat;
import java.util.List;
import java.util.UUID;

/**
 * One network on a page, with tabs for its overview, participants, pilot applications, pilot activities,
 * meetings, documents and feed. A network the user's association does not take part in is not found, like one that
 * does not exist.
 */
@Route(value = "networks/:id", layout = MainLayout.class)
@AllowedRoles({Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR, Roles.MEMBER})
@Prototype
public class NetworkView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final NetworkService networks;
    private final ParticipationService participation;
    private final PilotApplicationService applications;
    private final ActivityService activities;
    private final MeetingService meetings;
    private final DocumentService documents;
    private final DocumentSettings documentSettings;
    private final MemberService members;
    private final PeopleService people;
    private final CommandValidation validation;
    private final Caller caller;
    private NetworkResponse network;

    public NetworkView(NetworkService networks, ParticipationService participation,
                       PilotApplicationService applications, ActivityService activities,
                       MeetingService meetings, DocumentService documents, DocumentSettings documentSettings,
                       MemberService members,
                       PeopleService people, CommandValidation validation, UiSessions sessions) {
        this.networks = networks;
        this.participation = participation;
        this.applications = applications;
        this.activities = activities;
        this.meetings = meetings;
        this.documents = documents;
        this.documentSettings = documentSettings;
        this.members = members;
        this.people = people;
        this.validation = validation;
        this.caller = sessions.require().caller();
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            network = networks.get(UUID.fromString(event.getRouteParameters().get("id").orElseThrow()));
        } catch (IllegalArgumentException | ApiException.NotFound e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        render();
    }

    private void render() {
        removeAll();
        List<CoordinatorResponse> coordinators = networks.coordinators(network.id());
        boolean owner = network.owner().equals(caller.tenantCode());
        boolean coordinator = owner && coordinators.stream().anyMatch(c -> c.username().equals(caller.username()));
        boolean admin = caller.hasRole(Roles.ASSOCIATION_ADMIN);
        boolean manages = owner && (admin || coordinator);
        Access access = new Access(caller, owner, manages, admin || coordinator);

        TabSheet tabs = AccessibleTabs.of(new TabSheet());
        tabs.setId("network-tabs");
        tabs.setWidthFull();
        tabs.add(getTranslation("network.tab.overview"), overview(coordinators, access));
        tabs.add(getTranslation("network.tab.participants"),
                new ParticipantsTab(network, participation, members, access));
        tabs.add(getTranslation("network.tab.applications"),
                new ApplicationsTab(network, applications, participation, people, validation, access));
        tabs.add(getTranslation("network.tab.activities"),
                new ActivitiesTab(network, activities, participation, access));
        tabs.add(getTranslation("network.tab.meetings"),
                new MeetingsTab(network, meetings, participation, access));
        tabs.add(getTranslation("network.tab.documents"),
                new DocumentsTab(network, documents, documentSettings.maxSize()));
        tabs.add(getTranslation("network.tab.feed"), new FeedTab(network.id(), networks));
        add(new RouterLink(getTranslation("network.back"), NetworksView.class),
                new H1(NetworksView.inLanguage(network.name(), getLocale())), tabs);
    }

    private Component overview(List<CoordinatorResponse> coordinators, Access access) {
        TextArea description = new TextArea(getTranslation("networks.description"));
        description.setValue(NetworksView.inLanguage(network.description(), getLocale()));
        description.setReadOnly(true);
        FormLayout details = new FormLayout(
                Fields.readOnly(this, "networks.theme", network.theme()),
                Fields.readOnly(this, "networks.status", getTranslation("networks.status." + network.status())),
                Fields.readOnly(this, "networks.period", NetworksView.period(getLocale(), network)),
                Fields.readOnly(this, "networks.maxPilots", network.maxPilots() == null ? ""
                        : NumberFormat.getIntegerInstance(getLocale()).format(network.maxPilots())),
                Fields.readOnly(this, "networks.owner", network.owner()),
                Fields.readOnly(this, "network.associations", String.join(", ", network.tenants())),
                description);
        details.setColspan(description, 2);
        details.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2));

        Grid<CoordinatorResponse> grid = new Grid<>(CoordinatorResponse.class, false);
        grid.setId("coordinators");
        grid.addColumn(CoordinatorResponse::username).setHeader(getTranslation("network.coordinator.username"));
        grid.addColumn(CoordinatorResponse::displayName).setHeader(getTranslation("network.coordinator.name"));
        grid.setAllRowsVisible(true);
        grid.setItems(coordinators);

        Button edit = new Button(getTranslation("common.edit"), VaadinIcon.EDIT.create(), click ->
                new NetworkDialog(networks.get(network.id()), networks, validation, saved -> {
                    network = saved;
                    render();
                }).open());
        edit.setId("edit-network");
        edit.setVisible(access.manages());
        Button leave = new Button(getTranslation("network.leave"), VaadinIcon.EXIT.create(), click -> confirmLeave());
        leave.addThemeVariants(ButtonVariant.LUMO_ERROR);
        leave.setId("leave-network");
        leave.setVisible(caller.hasRole(Roles.ASSOCIATION_ADMIN) && !access.owner());
        return new VerticalLayout(details, new HorizontalLayout(edit, leave),
                new H3(getTranslation("network.coordinators")), grid);
    }

    private void confirmLeave() {
        ConfirmDialog confirm = ComponentTexts.dangerousConfirm(this,
                getTranslation("network.leave.title", NetworksView.inLanguage(network.name(), getLocale())),
                getTranslation("network.leave.text"), getTranslation("network.leave"));
        confirm.setId("confirm-leave");
        confirm.addConfirmListener(event -> {
            try {
                participation.leave(network.id());
                Notification.show(getTranslation("network.left"));
                getUI().ifPresent(ui -> ui.navigate(NetworksView.class));
            } catch (ApiException e) {
                Refusals.notify(this, e, getTranslation("network.leave.owner"));
            }
        });
        confirm.open();
    }

    @Override
    public String getPageTitle() {
        return (network == null ? getTranslation("networks.title")
                : NetworksView.inLanguage(network.name(), getLocale())) + " · Koopera";
    }

    /**
     * What the signed-in user may do in the network, as the services decide it; the views only hide what would be
     * refused.
     *
     * @param owner            whether the user's association owns the network
     * @param manages          whether the user manages it (owner's administrator or a coordinator)
     * @param choosesOwnMembers whether the user chooses their association's municipalities, and applies for any
     */
    record Access(Caller caller, boolean owner, boolean manages, boolean choosesOwnMembers) {
    }
}
