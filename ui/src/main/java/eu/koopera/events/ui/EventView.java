package eu.koopera.events.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import eu.koopera.events.AttendanceService;
import eu.koopera.events.EventExportService;
import eu.koopera.events.EventReportService;
import eu.koopera.events.EventResponse;
import eu.koopera.events.EventService;
import eu.koopera.events.RegistrationResponse;
import eu.koopera.events.RegistrationService;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.AccessibleTabs;
import eu.koopera.ui.forms.CommandValidation;
import eu.koopera.ui.layout.MainLayout;
import eu.koopera.ui.session.AllowedRoles;
import eu.koopera.ui.session.UiSessions;
import io.micronaut.context.annotation.Prototype;

import java.util.List;
import java.util.UUID;

/**
 * One event on a page (the address the registrants' mails link to): its overview with the programme and the
 * organisers, and for the organisers' staff a dashboard of the places, the registrations, the check-in list and the
 * report with the feedback. An event the user's association does not organise is not found.
 */
@Route(value = "events/:id", layout = MainLayout.class)
@AllowedRoles({Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR, Roles.MEMBER})
@Prototype
public class EventView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final EventService events;
    private final RegistrationService registrations;
    private final AttendanceService attendance;
    private final EventReportService reports;
    private final EventExportService exports;
    private final CommandValidation validation;
    private final Caller caller;
    private EventResponse event;

    public EventView(EventService events, RegistrationService registrations, AttendanceService attendance,
                     EventReportService reports, EventExportService exports, CommandValidation validation,
                     UiSessions sessions) {
        this.events = events;
        this.registrations = registrations;
        this.attendance = attendance;
        this.reports = reports;
        this.exports = exports;
        this.validation = validation;
        this.caller = sessions.require().caller();
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent enter) {
        try {
            event = events.get(UUID.fromString(enter.getRouteParameters().get("id").orElseThrow()));
        } catch (IllegalArgumentException | ApiException.NotFound e) {
            enter.rerouteToError(NotFoundException.class);
            return;
        }
        render();
    }

    /** Draws the page anew from the event as the service returns it now. */
    void reload() {
        event = events.get(event.id());
        render();
    }

    private void render() {
        removeAll();
        Access access = new Access(caller, event);
        TabSheet tabs = AccessibleTabs.of(new TabSheet());
        tabs.setId("event-tabs");
        tabs.setWidthFull();
        tabs.add(getTranslation("event.tab.overview"),
                new EventOverviewTab(this, event, events, registrations, validation, access));
        if (access.organiserStaff()) {
            tabs.add(getTranslation("event.tab.registrations"),
                    new RegistrationsTab(this, event, registrations, exports, access));
            tabs.add(getTranslation("event.tab.checkIn"), new CheckInTab(event, attendance));
        }
        tabs.add(getTranslation("event.tab.report"), new ReportTab(event, reports, access));
        add(new RouterLink(getTranslation("event.back"), EventsView.class),
                new H1(EventFormat.title(event, getLocale())));
        if (access.organiserStaff()) {
            add(dashboard());
        }
        add(tabs);
    }

    /** Seats left, offers waiting for an answer, the waitlist and how many of the association's people have needs. */
    private Component dashboard() {
        List<RegistrationResponse> own = registrations.list(event.id(), null).stream()
                .filter(registration -> registration.status().isActive())
                .filter(registration -> RegistrationsTab.hasNeeds(registration)).toList();
        Div panel = new Div(figure("event.dashboard.placesLeft", event.counts().placesLeft(), "dashboard-places-left"),
                figure("event.dashboard.offered", event.counts().offered(), "dashboard-offered"),
                figure("event.dashboard.waitlisted", event.counts().waitlisted(), "dashboard-waitlisted"),
                figure("event.dashboard.pending", event.counts().pending(), "dashboard-pending"),
                figure("event.dashboard.needs", own.size(), "dashboard-needs"));
        panel.setId("event-dashboard");
        panel.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");
        return panel;
    }

    private Component figure(String labelKey, int value, String id) {
        Span number = new Span(Integer.toString(value));
        number.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600");
        Div card = new Div(number, new Div(getTranslation(labelKey)));
        card.addClassName("koopera-card");
        card.setId(id);
        card.getStyle().set("min-width", "9rem");
        return card;
    }

    @Override
    public String getPageTitle() {
        return (event == null ? getTranslation("events.title") : EventFormat.title(event, getLocale()))
                + " · Koopera";
    }

    /**
     * What the signed-in user may do with the event, as the services decide it; the views only hide what would be
     * refused.
     *
     * @param staff whether the user is an administrator or coordinator of their association
     */
    record Access(Caller caller, boolean staff, boolean organiser, boolean owner) {

        Access(Caller caller, EventResponse event) {
            this(caller, caller.hasRole(Roles.ASSOCIATION_ADMIN) || caller.hasRole(Roles.NETWORK_COORDINATOR),
                    event.organisedBy(caller.tenantCode()), event.ownedBy(caller.tenantCode()));
        }

        /** The owner's staff, who edit the event and add co-organisers. */
        boolean manages() {
            return owner && staff;
        }

        /** Any organiser's staff, who see the registrations, run check-in and read the feedback. */
        boolean organiserStaff() {
            return organiser && staff;
        }
    }
}
