package eu.koopera.events.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import eu.koopera.events.EventReportService;
import eu.koopera.events.EventResponse;
import eu.koopera.events.EventService;
import eu.koopera.events.EventStatus;
import eu.koopera.events.RegistrationResponse;
import eu.koopera.events.RegistrationService;
import eu.koopera.events.RegistrationStatus;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.i18n.ComponentTexts;
import eu.koopera.ui.layout.MainLayout;
import eu.koopera.ui.session.AllowedRoles;
import io.micronaut.context.annotation.Prototype;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The member portal's "My events": the open events the user may register for, each with the registration form,
 * and the user's own registrations with their status, waitlist position, an offer's deadline with Accept and
 * Decline, cancelling, the calendar file, and the feedback form once the event has begun.
 */
@Menu(title = "nav.myEvents", order = 13, icon = "vaadin:calendar-clock")
@Route(value = "my-events", layout = MainLayout.class)
@AllowedRoles({Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR, Roles.MEMBER})
@Prototype
public class MyEventsView extends VerticalLayout implements HasDynamicTitle {

    /** How many open events the page offers; an association runs a handful at a time. */
    private static final int SHOWN = 50;

    private final EventService events;
    private final RegistrationService registrations;
    private final EventReportService reports;
    private final Div open = new Div();
    private final Div mine = new Div();

    public MyEventsView(EventService events, RegistrationService registrations, EventReportService reports) {
        this.events = events;
        this.registrations = registrations;
        this.reports = reports;
        open.setId("open-events");
        open.setWidthFull();
        mine.setId("my-registrations");
        mine.setWidthFull();
        add(new H1(getTranslation("events.mine.title")), new H2(getTranslation("events.mine.registrations")), mine,
                new H2(getTranslation("events.mine.open")), open);
        refresh();
    }

    private void refresh() {
        List<RegistrationResponse> own = registrations.mine();
        Map<UUID, EventResponse> byId = new HashMap<>();
        Function<UUID, EventResponse> event = id -> byId.computeIfAbsent(id, events::get);
        mine.removeAll();
        if (own.isEmpty()) {
            mine.add(new Paragraph(getTranslation("events.mine.none")));
        }
        own.forEach(registration -> mine.add(registrationCard(registration, event.apply(registration.eventId()))));

        Set<UUID> active = own.stream().filter(registration -> registration.status().isActive())
                .map(RegistrationResponse::eventId).collect(Collectors.toSet());
        List<EventResponse> upcoming = events.search(EventStatus.OPEN, null, Instant.now(), 0, SHOWN).items()
                .stream().filter(candidate -> !active.contains(candidate.id())).toList();
        open.removeAll();
        if (upcoming.isEmpty()) {
            open.add(new Paragraph(getTranslation("events.mine.noneOpen")));
        }
        upcoming.forEach(candidate -> open.add(openCard(candidate)));
    }

    private Component openCard(EventResponse event) {
        Div card = card(event, "open-event-" + event.id());
        card.add(new Paragraph(getTranslation("event.placesLeft") + ": " + event.counts().placesLeft()));
        Button register = new Button(getTranslation("event.register"),
                click -> new RegisterDialog(event, registrations, registered -> refresh()).open());
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        register.setId("register-" + event.id());
        card.add(register);
        return card;
    }

    private Component registrationCard(RegistrationResponse registration, EventResponse event) {
        Div card = card(event, "registration-" + registration.id());
        card.getElement().setAttribute("data-event", event.id().toString());
        Paragraph status = new Paragraph(getTranslation("event.registration.status") + ": "
                + getTranslation("event.registration.status." + registration.status()));
        status.setId("registration-status-" + registration.id());
        status.addClassName("registration-status");
        card.add(status);
        if (registration.waitlistPosition() != null) {
            Paragraph position = new Paragraph(getTranslation("event.registration.waitlistPosition",
                    registration.waitlistPosition()));
            position.setId("registration-position-" + registration.id());
            card.add(position);
        }
        if (registration.offerExpiresAt() != null) {
            Paragraph offer = new Paragraph(getTranslation("event.registration.offer",
                    EventFormat.moment(registration.offerExpiresAt(), event.timeZone(), getLocale())));
            offer.setId("registration-offer-" + registration.id());
            card.add(offer);
        }
        if (registration.reason() != null) {
            card.add(new Paragraph(getTranslation("event.registration.reason") + ": " + registration.reason()));
        }
        HorizontalLayout actions = new HorizontalLayout();
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        actions.setWrap(true);
        if (registration.status() == RegistrationStatus.OFFERED) {
            Button accept = new Button(getTranslation("event.offer.accept"),
                    click -> run(() -> registrations.acceptOffer(registration.id())));
            accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            accept.setId("accept-offer-" + registration.id());
            accept.addClassName("accept-offer");
            Button decline = new Button(getTranslation("event.offer.decline"),
                    click -> confirm(registration, event, "event.offer.decline.title", "event.offer.decline.text",
                            "event.offer.decline", () -> registrations.declineOffer(registration.id())));
            decline.setId("decline-offer-" + registration.id());
            actions.add(accept, decline);
        }
        if (registration.status().isActive() && registration.status() != RegistrationStatus.OFFERED) {
            Button cancel = new Button(getTranslation("event.registration.cancel"),
                    click -> confirm(registration, event, "event.registration.cancel.title",
                            "event.registration.cancel.text", "event.registration.cancel",
                            () -> registrations.cancel(registration.id())));
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
            cancel.setId("cancel-registration-" + registration.id());
            cancel.addClassName("cancel-registration");
            actions.add(cancel);
        }
        if (registration.status() == RegistrationStatus.CONFIRMED && started(event)) {
            Button feedback = new Button(getTranslation("event.feedback.give"),
                    click -> new FeedbackDialog(registration, reports, this::refresh).open());
            feedback.setId("feedback-" + registration.id());
            actions.add(feedback);
        }
        actions.add(EventDownloads.calendar(this, events, event.id(), "calendar-" + registration.id()));
        card.add(actions);
        return card;
    }

    private Div card(EventResponse event, String id) {
        RouterLink link = new RouterLink(EventFormat.title(event, getLocale()), EventView.class,
                new RouteParameters("id", event.id().toString()));
        Div card = new Div(new H3(link), new Paragraph(getTranslation("event.kind." + event.kind()) + " · "
                + EventFormat.when(event, getLocale())), new Paragraph(EventFormat.place(event)));
        card.addClassName("koopera-card");
        card.setId(id);
        return card;
    }

    private void confirm(RegistrationResponse registration, EventResponse event, String titleKey, String textKey,
                         String confirmKey, Runnable call) {
        ConfirmDialog dialog = ComponentTexts.dangerousConfirm(this,
                getTranslation(titleKey, EventFormat.title(event, getLocale())), getTranslation(textKey),
                getTranslation(confirmKey));
        dialog.setId("confirm-" + registration.id());
        dialog.addConfirmListener(confirmed -> run(call));
        dialog.open();
    }

    private void run(Runnable call) {
        try {
            call.run();
            Notification.show(getTranslation("common.saved"));
        } catch (ApiException e) {
            Refusals.notify(this, e);
        }
        refresh();
    }

    /** Whether the event has begun in its own time zone, from when feedback is taken. */
    private static boolean started(EventResponse event) {
        try {
            return !LocalDateTime.now(ZoneId.of(event.timeZone())).isBefore(event.startsAt());
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("events.mine.title") + " · Koopera";
    }
}
