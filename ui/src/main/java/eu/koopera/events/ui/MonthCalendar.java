package eu.koopera.events.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import eu.koopera.events.EventKind;
import eu.koopera.events.EventResponse;
import eu.koopera.events.EventService;
import eu.koopera.events.EventStatus;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * A month of events as a calendar drawn on the server: one cell per day, weeks from Monday, each day listing the
 * events that take place on it (by their local dates), with buttons for the previous and the next month.
 */
class MonthCalendar extends Div {

    /** More events than an association organises in a month. */
    private static final int SHOWN = 200;

    private final EventService events;
    private final H2 heading = new H2();
    private final Div days = new Div();
    private YearMonth month = YearMonth.now();
    private EventStatus status;
    private EventKind kind;

    MonthCalendar(EventService events) {
        this.events = events;
        setId("events-calendar");
        setWidthFull();
        Button previous = new Button(VaadinIcon.ANGLE_LEFT.create(), click -> show(month.minusMonths(1)));
        previous.setAriaLabel(getTranslation("events.calendar.previous"));
        previous.setId("calendar-previous");
        previous.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button next = new Button(VaadinIcon.ANGLE_RIGHT.create(), click -> show(month.plusMonths(1)));
        next.setAriaLabel(getTranslation("events.calendar.next"));
        next.setId("calendar-next");
        next.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        heading.setId("calendar-month");
        HorizontalLayout bar = new HorizontalLayout(previous, heading, next);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        days.getStyle().set("display", "grid").set("grid-template-columns", "repeat(7, minmax(0, 1fr))")
                .set("gap", "var(--lumo-space-xs)");
        add(bar, days);
    }

    void filter(EventStatus status, EventKind kind) {
        this.status = status;
        this.kind = kind;
        if (isVisible()) {
            show(month);
        }
    }

    /** Shows {@code shown}, its events asked from the service. */
    void show(YearMonth shown) {
        month = shown;
        Locale locale = getLocale();
        String name = month.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale);
        heading.setText(name.substring(0, 1).toUpperCase(locale) + name.substring(1) + " " + month.getYear());
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        List<EventResponse> found = events.search(status, kind, first.atStartOfDay().toInstant(ZoneOffset.UTC), 0,
                SHOWN).items().stream().filter(event -> !event.startsAt().toLocalDate().isAfter(last)).toList();
        days.removeAll();
        for (DayOfWeek day : DayOfWeek.values()) {
            Span header = new Span(day.getDisplayName(TextStyle.SHORT_STANDALONE, locale));
            header.getStyle().set("font-weight", "600").set("text-align", "center");
            days.add(header);
        }
        for (int blank = 1; blank < first.getDayOfWeek().getValue(); blank++) {
            days.add(new Div());
        }
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            days.add(cell(day, found, locale));
        }
    }

    private Div cell(LocalDate day, List<EventResponse> found, Locale locale) {
        Div cell = new Div(new Span(Integer.toString(day.getDayOfMonth())));
        cell.addClassName("calendar-day");
        cell.setId("calendar-day-" + day);
        cell.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("min-height", "5rem")
                .set("padding", "var(--lumo-space-xs)").set("font-size", "var(--lumo-font-size-s)");
        UnorderedList list = new UnorderedList();
        list.getStyle().set("padding-left", "1em").set("margin", "0");
        for (EventResponse event : found) {
            if (!day.isBefore(event.startsAt().toLocalDate()) && !day.isAfter(event.endsAt().toLocalDate())) {
                list.add(new ListItem(new RouterLink(EventFormat.title(event, locale), EventView.class,
                        new RouteParameters("id", event.id().toString()))));
            }
        }
        if (list.getChildren().findAny().isPresent()) {
            cell.add(list);
        }
        return cell;
    }
}
