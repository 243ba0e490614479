package eu.koopera.events.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import eu.koopera.events.CoOrganiserCommand;
import eu.koopera.events.EventResponse;
import eu.koopera.events.EventService;
import eu.koopera.events.EventStatus;
import eu.koopera.events.OrganiserResponse;
import eu.koopera.events.ProgrammeDay;
import eu.koopera.events.ProgrammeItem;
import eu.koopera.events.RegistrationService;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.CommandValidation;
import eu.koopera.ui.forms.Fields;

import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An event's facts, description and programme day by day, its organisers with their shares and counts, the
 * calendar file, and for the owner's staff editing and adding a co-organiser by association code.
 */
class EventOverviewTab extends VerticalLayout {

    EventOverviewTab(EventView page, EventResponse event, EventService events, RegistrationService registrations,
                     CommandValidation validation, EventView.Access access) {
        Locale locale = getLocale();
        setPadding(false);
        add(details(event, locale));
        String description = EventFormat.text(event.description(), locale);
        if (!description.isBlank()) {
            TextArea text = new TextArea(getTranslation("event.field.description"));
            text.setValue(description);
            text.setReadOnly(true);
            text.setWidthFull();
            add(text);
        }

        Button register = new Button(getTranslation("event.register"), VaadinIcon.USER_CHECK.create(),
                click -> new RegisterDialog(event, registrations, registered -> page.reload()).open());
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        register.setId("register-event");
        register.setVisible(event.status() == EventStatus.OPEN);
        Button edit = new Button(getTranslation("common.edit"), VaadinIcon.EDIT.create(),
                click -> new EventDialog(events.get(event.id()), events, validation, saved -> page.reload()).open());
        edit.setId("edit-event");
        edit.setVisible(access.manages());
        HorizontalLayout actions = new HorizontalLayout(register, edit,
                EventDownloads.calendar(this, events, event.id(), "event-calendar"));
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        add(actions);

        add(new H2(getTranslation("event.programme")));
        List<ProgrammeDay> days = events.programme(event.id());
        if (days.isEmpty()) {
            add(new Paragraph(getTranslation("event.programme.none")));
        }
        DateTimeFormatter dayFormat = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale);
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
        for (ProgrammeDay day : days) {
            UnorderedList items = new UnorderedList();
            items.addClassName("programme-day");
            for (ProgrammeItem item : day.items()) {
                items.add(new ListItem(Stream.of(item.time() == null ? null : time.format(item.time()), item.item(),
                        item.speaker(), item.place()).filter(part -> part != null && !part.isBlank())
                        .collect(Collectors.joining(" · "))));
            }
            add(new H3(dayFormat.format(day.day())), items);
        }

        add(new H2(getTranslation("event.organisers")), organisers(event));
        if (access.manages()) {
            add(coOrganiserForm(page, event, events));
        }
    }

    private Component details(EventResponse event, Locale locale) {
        NumberFormat numbers = NumberFormat.getIntegerInstance(locale);
        String cost = event.costPerParticipant() == null ? null
                : NumberFormat.getNumberInstance(locale).format(event.costPerParticipant()) + " " + event.currency();
        String funding = Stream.of(event.fundingProjectCode(), event.fundingProjectName())
                .filter(part -> part != null && !part.isBlank()).collect(Collectors.joining(" · "));
        FormLayout details = new FormLayout(
                shown("event.field.kind", getTranslation("event.kind." + event.kind())),
                shown("event.field.status", getTranslation("event.status." + event.status())),
                shown("event.when", EventFormat.when(event, locale)),
                shown("event.place", EventFormat.place(event)),
                shown("event.field.hosts", String.join(", ", event.hostOrganisations())),
                shown("event.field.capacity", numbers.format(event.capacity())),
                shown("event.placesLeft", numbers.format(event.counts().placesLeft())),
                shown("event.field.memberQuota", event.memberQuota() == null ? null
                        : numbers.format(event.memberQuota())),
                shown("event.field.registrationOpensAt", EventFormat.dateTime(event.registrationOpensAt(), locale)),
                shown("event.field.registrationClosesAt",
                        EventFormat.dateTime(event.registrationClosesAt(), locale)),
                shown("event.field.requiresApproval", getTranslation(event.requiresApproval() ? "event.yes"
                        : "event.no")),
                shown("event.field.cost", cost),
                shown("event.funding", funding));
        details.setId("event-details");
        details.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2));
        return details;
    }

    private TextField shown(String labelKey, String value) {
        return Fields.readOnly(this, labelKey, EventFormat.orNone(value));
    }

    private Grid<OrganiserResponse> organisers(EventResponse event) {
        Grid<OrganiserResponse> grid = new Grid<>(OrganiserResponse.class, false);
        grid.setId("event-organisers");
        grid.addColumn(organiser -> organiser.tenant() + (organiser.owner() ? " (" + getTranslation(
                "event.organiser.owner") + ")" : "")).setHeader(getTranslation("event.organiser")).setAutoWidth(true);
        grid.addColumn(organiser -> EventFormat.orNone(organiser.seatQuota()))
                .setHeader(getTranslation("event.organiser.seatQuota")).setAutoWidth(true);
        grid.addColumn(organiser -> organiser.counts().confirmed())
                .setHeader(getTranslation("event.registration.status.CONFIRMED"));
        grid.addColumn(organiser -> organiser.counts().offered())
                .setHeader(getTranslation("event.registration.status.OFFERED"));
        grid.addColumn(organiser -> organiser.counts().waitlisted())
                .setHeader(getTranslation("event.registration.status.WAITLISTED"));
        grid.addColumn(organiser -> organiser.counts().pending())
                .setHeader(getTranslation("event.registration.status.PENDING"));
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("event.organisers.none"));
        grid.setItems(event.organisers());
        return grid;
    }

    private Component coOrganiserForm(EventView page, EventResponse event, EventService events) {
        TextField tenant = Fields.text(this, "event.coOrganiser.code", "co-organiser-code");
        tenant.setHelperText(getTranslation("event.coOrganiser.code.help"));
        IntegerField quota = new IntegerField(getTranslation("event.organiser.seatQuota"));
        quota.setId("co-organiser-quota");
        quota.setMin(0);
        Button add = new Button(getTranslation("event.coOrganiser.add"), VaadinIcon.PLUS.create(), click -> {
            if (Fields.blankToNull(tenant.getValue()) == null) {
                tenant.setErrorMessage(getTranslation("validation.required"));
                tenant.setInvalid(true);
                return;
            }
            try {
                events.addCoOrganiser(event.id(), new CoOrganiserCommand(tenant.getValue().strip(),
                        quota.getValue()));
                Notification.show(getTranslation("event.coOrganiser.added"));
                page.reload();
            } catch (ApiException e) {
                Refusals.notify(this, e);
            }
        });
        add.setId("add-co-organiser");
        HorizontalLayout form = new HorizontalLayout(tenant, quota, add);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        return form;
    }
}
