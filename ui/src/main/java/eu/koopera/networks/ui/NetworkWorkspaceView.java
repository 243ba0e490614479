package eu.koopera.networks.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import eu.koopera.networks.ActivityResponse;
import eu.koopera.networks.ActivityService;
import eu.koopera.networks.ApplicationResponse;
import eu.koopera.networks.ApplicationStatus;
import eu.koopera.networks.MeetingResponse;
import eu.koopera.networks.MeetingService;
import eu.koopera.networks.NetworkResponse;
import eu.koopera.networks.NetworkService;
import eu.koopera.networks.PilotApplicationService;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.Roles;
import eu.koopera.ui.layout.MainLayout;
import eu.koopera.ui.session.AllowedRoles;
import eu.koopera.ui.session.UiSessions;
import io.micronaut.context.annotation.Prototype;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * The coordinator's workspace: open pilot applications across the networks the user manages, decided in place,
 * their upcoming meetings and the overdue milestones of their pilot activities. Built from the per-network service
 * calls, so it asks the database three times per managed network (fine for the handful a coordinator runs).
 */
@Menu(title = "nav.networkWorkspace", order = 37, icon = "vaadin:desktop")
@Route(value = "networks/workspace", layout = MainLayout.class)
@AllowedRoles({Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR})
@Prototype
public class NetworkWorkspaceView extends VerticalLayout implements HasDynamicTitle {

    /** How many networks the workspace looks through. */
    private static final int SHOWN = 200;

    private final NetworkService networks;
    private final PilotApplicationService applications;
    private final ActivityService activities;
    private final MeetingService meetings;
    private final Caller caller;
    private final Grid<OpenApplication> open = new Grid<>(OpenApplication.class, false);
    private final Grid<OverdueMilestone> overdue = new Grid<>(OverdueMilestone.class, false);
    private final Grid<UpcomingMeeting> upcoming = new Grid<>(UpcomingMeeting.class, false);

    public NetworkWorkspaceView(NetworkService networks, PilotApplicationService applications,
                                ActivityService activities, MeetingService meetings, UiSessions sessions) {
        this.networks = networks;
        this.applications = applications;
        this.activities = activities;
        this.meetings = meetings;
        this.caller = sessions.require().caller();
        configureApplications();
        configureMilestones();
        configureMeetings();
        add(new H1(getTranslation("network.workspace.title")),
                new H3(getTranslation("network.workspace.applications")), open,
                new H3(getTranslation("network.workspace.meetings")), upcoming,
                new H3(getTranslation("network.workspace.overdue")), overdue);
        refresh();
    }

    private void configureApplications() {
        DateTimeFormatter times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(ZoneId.of("Europe/Riga"));
        open.setId("workspace-applications");
        open.addColumn(LitRenderer.<OpenApplication>of("<a router-link href=\"networks/${item.id}\">${item.name}</a>")
                        .withProperty("id", row -> row.network().id().toString())
                        .withProperty("name", row -> NetworksView.inLanguage(row.network().name(), getLocale())))
                .setHeader(getTranslation("networks.name")).setAutoWidth(true);
        open.addColumn(row -> row.application().memberName() + " (" + row.application().tenant() + ")")
                .setHeader(getTranslation("network.application.member")).setAutoWidth(true);
        open.addColumn(row -> row.application().motivation())
                .setHeader(getTranslation("network.application.motivation")).setFlexGrow(3);
        open.addColumn(row -> times.format(row.application().appliedAt()))
                .setHeader(getTranslation("network.application.appliedAt")).setAutoWidth(true);
        open.addColumn(LitRenderer.<OpenApplication>of("""
                        <vaadin-button theme="tertiary-inline" @click="${accept}">${item.acceptLabel}</vaadin-button>
                        <vaadin-button theme="tertiary-inline error" @click="${reject}">${item.rejectLabel}\
                        </vaadin-button>""")
                        .withProperty("acceptLabel", row -> getTranslation("network.application.accept"))
                        .withProperty("rejectLabel", row -> getTranslation("network.application.reject"))
                        .withFunction("accept", row -> decide(row, true))
                        .withFunction("reject", row -> decide(row, false)))
                .setHeader(getTranslation("common.actions")).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        open.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        open.setAllRowsVisible(true);
    }

    private void configureMilestones() {
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        overdue.setId("workspace-overdue");
        overdue.addColumn(row -> NetworksView.inLanguage(row.network().name(), getLocale()))
                .setHeader(getTranslation("networks.name")).setAutoWidth(true);
        overdue.addColumn(row -> row.activity().goal()).setHeader(getTranslation("network.activity.goal"))
                .setFlexGrow(2);
        overdue.addColumn(row -> row.milestone().title()).setHeader(getTranslation("network.milestone.title"))
                .setFlexGrow(2);
        overdue.addColumn(row -> dates.format(row.milestone().dueOn()))
                .setHeader(getTranslation("network.milestone.dueOn")).setAutoWidth(true);
        overdue.addColumn(row -> getTranslation("network.milestone.status." + row.milestone().status()))
                .setHeader(getTranslation("network.milestone.status")).setAutoWidth(true);
        overdue.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        overdue.setAllRowsVisible(true);
    }

    private void configureMeetings() {
        DateTimeFormatter times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale());
        upcoming.setId("workspace-meetings");
        upcoming.addColumn(row -> NetworksView.inLanguage(row.network().name(), getLocale()))
                .setHeader(getTranslation("networks.name")).setAutoWidth(true);
        upcoming.addColumn(row -> NetworksView.inLanguage(row.meeting().title(), getLocale()))
                .setHeader(getTranslation("network.workspace.meeting")).setFlexGrow(2);
        upcoming.addColumn(row -> times.format(row.meeting().startsAt()) + " (" + row.meeting().timeZone() + ")")
                .setHeader(getTranslation("network.workspace.meetingStarts")).setAutoWidth(true);
        upcoming.addColumn(row -> row.meeting().place() != null ? row.meeting().place()
                        : java.util.Objects.toString(row.meeting().onlineUrl(), ""))
                .setHeader(getTranslation("network.workspace.meetingPlace")).setFlexGrow(2);
        upcoming.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        upcoming.setAllRowsVisible(true);
    }

    private void decide(OpenApplication row, boolean accept) {
        new DecisionDialog(row.application(), accept, applications, this::refresh).open();
    }

    private void refresh() {
        List<OpenApplication> openRows = new ArrayList<>();
        List<OverdueMilestone> overdueRows = new ArrayList<>();
        List<UpcomingMeeting> meetingRows = new ArrayList<>();
        for (NetworkResponse network : managed()) {
            for (MeetingResponse meeting : meetings.list(network.id())) {
                if (meeting.endsAt().atZone(ZoneId.of(meeting.timeZone())).toInstant().isAfter(Instant.now())) {
                    meetingRows.add(new UpcomingMeeting(network, meeting));
                }
            }
            applications.list(network.id()).stream().filter(a -> a.status() == ApplicationStatus.OPEN)
                    .forEach(a -> openRows.add(new OpenApplication(network, a)));
            for (ActivityResponse activity : activities.list(network.id())) {
                activity.milestones().stream().filter(ActivityResponse.Milestone::overdue)
                        .forEach(m -> overdueRows.add(new OverdueMilestone(network, activity, m)));
            }
        }
        meetingRows.sort(java.util.Comparator.comparing(row -> row.meeting().startsAt()
                .atZone(ZoneId.of(row.meeting().timeZone())).toInstant()));
        upcoming.setItems(meetingRows);
        open.setItems(openRows);
        overdue.setItems(overdueRows);
    }

    /** The networks the user manages: their association's, as its administrator or as a named coordinator. */
    private List<NetworkResponse> managed() {
        boolean admin = caller.hasRole(Roles.ASSOCIATION_ADMIN);
        return networks.search(null, null, 0, SHOWN).items().stream()
                .filter(network -> network.owner().equals(caller.tenantCode()))
                .filter(network -> admin || networks.coordinators(network.id()).stream()
                        .anyMatch(c -> c.username().equals(caller.username())))
                .toList();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("network.workspace.title") + " · Koopera";
    }

    /** An open application and its network. */
    record OpenApplication(NetworkResponse network, ApplicationResponse application) {
    }

    /** A meeting that has not ended yet, and its network. */
    record UpcomingMeeting(NetworkResponse network, MeetingResponse meeting) {
    }

    /** An overdue milestone with its activity and network. */
    record OverdueMilestone(NetworkResponse network, ActivityResponse activity, ActivityResponse.Milestone milestone) {
    }
}
