package eu.koopera.events.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import eu.koopera.events.EventKind;
import eu.koopera.events.EventResponse;
import eu.koopera.events.EventService;
import eu.koopera.events.EventStatus;
import eu.koopera.platform.security.Roles;
import eu.koopera.ui.forms.AddressState;
import eu.koopera.ui.forms.CommandValidation;
import eu.koopera.ui.forms.FilterBar;
import eu.koopera.ui.forms.FilterFields;
import eu.koopera.ui.forms.NarrowScreens;
import eu.koopera.ui.i18n.ComponentTexts;
import eu.koopera.ui.layout.MainLayout;
import eu.koopera.ui.session.AllowedRoles;
import eu.koopera.ui.session.UiSessions;
import io.micronaut.context.annotation.Prototype;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * The events the user's association organises, earliest first, filtered by status, kind and a date from which they
 * have not ended, as a list or as a month calendar; administrators and coordinators create new ones.
 */
@Menu(title = "nav.events", order = 38, icon = "vaadin:calendar-user")
@Route(value = "events", layout = MainLayout.class)
@AllowedRoles({Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR, Roles.MEMBER})
@Prototype
public class EventsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final EventService events;
    private final Grid<EventResponse> grid = new Grid<>(EventResponse.class, false);
    private final Select<EventStatus> status = new Select<>();
    private final Select<EventKind> kind = new Select<>();
    private final DatePicker from = new DatePicker();
    private final MonthCalendar calendar;
    private final Button toggle = new Button();
    private final Span total = new Span();
    private boolean restoring;

    public EventsView(EventService events, CommandValidation validation, UiSessions sessions) {
        this.events = events;
        this.calendar = new MonthCalendar(events);
        boolean staff = sessions.current().map(s -> s.hasRole(Roles.ASSOCIATION_ADMIN)
                || s.hasRole(Roles.NETWORK_COORDINATOR)).orElse(false);
        setSizeFull();
        FilterFields.oneOrAll(status, "event.field.status", "event-status-filter", List.of(EventStatus.values()),
                value -> getTranslation("event.status." + value), this::refresh);
        FilterFields.oneOrAll(kind, "event.field.kind", "event-kind-filter", List.of(EventKind.values()),
                value -> getTranslation("event.kind." + value), this::refresh);
        from.setLabel(getTranslation("events.from"));
        from.setId("event-from-filter");
        from.setClearButtonVisible(true);
        ComponentTexts.localize(from);
        from.addValueChangeListener(change -> refresh());
        toggle.setId("events-toggle-calendar");
        toggle.addClickListener(click -> {
            showCalendar(!calendar.isVisible());
            rememberInAddress();
        });
        Button create = new Button(getTranslation("event.create"), VaadinIcon.PLUS.create(),
                click -> new EventDialog(null, events, validation, saved -> refresh()).open());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("create-event");
        create.setVisible(staff);
        FilterBar filters = new FilterBar("events-bar", null, List.of(status, kind, from), List.of(toggle, create));
        configureGrid();
        total.setId("events-total");
        total.addClassName("koopera-total");
        add(new H1(getTranslation("events.title")), filters, total, grid, calendar);
        showCalendar(false);
    }

    /** Filters and the calendar view come from the address, so that reload and bookmarks keep them. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters parameters = event.getLocation().getQueryParameters();
        restoring = true;
        try {
            status.setValue(AddressState.constant(parameters, "status", EventStatus.class).orElse(null));
            kind.setValue(AddressState.constant(parameters, "kind", EventKind.class).orElse(null));
            from.setValue(AddressState.date(parameters, "from").orElse(null));
            showCalendar(AddressState.first(parameters, "view").filter("calendar"::equals).isPresent());
        } finally {
            restoring = false;
        }
    }

    private void rememberInAddress() {
        if (restoring) {
            return;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        if (status.getValue() != null) {
            parameters.put("status", status.getValue().name());
        }
        if (kind.getValue() != null) {
            parameters.put("kind", kind.getValue().name());
        }
        if (from.getValue() != null) {
            parameters.put("from", from.getValue().toString());
        }
        if (calendar.isVisible()) {
            parameters.put("view", "calendar");
        }
        AddressState.remember(this, "events", parameters);
    }

    private void configureGrid() {
        Locale locale = getLocale();
        grid.setId("events");
        Grid.Column<EventResponse> eventKind = grid.addColumn(event -> getTranslation("event.kind." + event.kind()))
                .setHeader(getTranslation("event.field.kind")).setAutoWidth(true);
        grid.addColumn(LitRenderer.<EventResponse>of("<a router-link href=\"events/${item.id}\">${item.title}</a>")
                        .withProperty("id", event -> event.id().toString())
                        .withProperty("title", event -> EventFormat.title(event, locale)))
                .setHeader(getTranslation("event.field.title")).setWidth("9rem").setFlexGrow(3);
        grid.addColumn(event -> EventFormat.when(event, locale)).setHeader(getTranslation("event.when"))
                .setWidth("9rem").setFlexGrow(3);
        Grid.Column<EventResponse> place = grid.addColumn(EventFormat::place)
                .setHeader(getTranslation("event.place")).setWidth("12rem")
                .setFlexGrow(1);
        Grid.Column<EventResponse> eventStatus = grid.addColumn(event -> getTranslation("event.status."
                        + event.status()))
                .setHeader(getTranslation("event.field.status")).setAutoWidth(true);
        Grid.Column<EventResponse> placesLeft = grid.addColumn(event -> event.counts().placesLeft())
                .setHeader(getTranslation("event.placesLeft"))
                .setAutoWidth(true);
        // on a phone: the title and when
        NarrowScreens.hideOnPhone(grid, List.of(eventKind, place, eventStatus, placesLeft));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText(getTranslation("events.empty"));
        grid.setSizeFull();
        grid.setPageSize(50);
        grid.setItems(query -> events.search(status.getValue(), kind.getValue(), fromInstant(), query.getPage(),
                query.getPageSize()).items().stream(),
                query -> {
                    int count = (int) events.search(status.getValue(), kind.getValue(), fromInstant(), 0, 1).total();
                    total.setText(getTranslation("events.total", count));
                    return count;
                });
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        calendar.filter(status.getValue(), kind.getValue());
        rememberInAddress();
    }

    private void showCalendar(boolean shown) {
        calendar.setVisible(shown);
        grid.setVisible(!shown);
        total.setVisible(!shown);
        from.setVisible(!shown);
        toggle.setText(getTranslation(shown ? "events.showList" : "events.showCalendar"));
        toggle.setIcon(shown ? VaadinIcon.LIST.create() : VaadinIcon.CALENDAR.create());
        if (shown) {
            calendar.filter(status.getValue(), kind.getValue());
        }
    }

    /** The start of the chosen day; the filter keeps events that had not ended by then. */
    private Instant fromInstant() {
        return from.getValue() == null ? null : from.getValue().atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("events.title") + " · Koopera";
    }
}
