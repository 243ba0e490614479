package eu.koopera.events.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import eu.koopera.events.EventExportService;
import eu.koopera.events.EventResponse;
import eu.koopera.events.RegistrationResponse;
import eu.koopera.events.RegistrationService;
import eu.koopera.events.RegistrationStatus;
import eu.koopera.platform.tabular.TableFormat;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.FilterFields;
import eu.koopera.ui.i18n.ComponentTexts;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The registrations of all organising associations in arrival order, filtered by status, with the waitlist position
 * and the offer's deadline; deciding (approve, reject with a reason, confirm directly, cancel) where the services
 * allow it; the needs to cater for, from the user's own association's personal data only; and the lists to
 * download.
 */
class RegistrationsTab extends VerticalLayout {

    private final EventView page;
    private final EventResponse event;
    private final RegistrationService registrations;
    private final EventView.Access access;
    private final Select<RegistrationStatus> status = new Select<>();
    private final Grid<Row> grid = new Grid<>(Row.class, false);
    private final Grid<RegistrationResponse> needs = new Grid<>(RegistrationResponse.class, false);

    RegistrationsTab(EventView page, EventResponse event, RegistrationService registrations,
                     EventExportService exports, EventView.Access access) {
        this.page = page;
        this.event = event;
        this.registrations = registrations;
        this.access = access;
        setPadding(false);
        FilterFields.oneOrAll(status, "event.registration.status", "registration-status-filter",
                List.of(RegistrationStatus.values()), value -> getTranslation("event.registration.status." + value),
                this::refresh);
        HorizontalLayout downloads = new HorizontalLayout(
                EventDownloads.participants(this, exports, event.id(), TableFormat.CSV),
                EventDownloads.participants(this, exports, event.id(), TableFormat.XLSX),
                EventDownloads.hostList(this, exports, event.id(), TableFormat.CSV),
                EventDownloads.hostList(this, exports, event.id(), TableFormat.XLSX));
        downloads.setWrap(true);
        HorizontalLayout bar = new HorizontalLayout(status, downloads);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
        bar.setWrap(true);
        configureGrid();
        configureNeeds();
        add(bar, grid, new H2(getTranslation("event.needs")), needs);
        refresh();
    }

    private void configureGrid() {
        Locale locale = getLocale();
        grid.setId("event-registrations");
        grid.addColumn(Row::arrival).setHeader(getTranslation("event.registration.arrival")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(row -> row.registration().person() == null ? EventFormat.NONE
                : row.registration().person().fullName()).setHeader(getTranslation("event.registration.name"))
                .setAutoWidth(true);
        grid.addColumn(row -> row.registration().memberName() + " (" + row.registration().tenant() + ")")
                .setHeader(getTranslation("event.registration.member")).setAutoWidth(true);
        grid.addColumn(row -> getTranslation("event.role." + row.registration().role()))
                .setHeader(getTranslation("event.registration.role")).setAutoWidth(true);
        grid.addColumn(row -> getTranslation("event.registration.status." + row.registration().status()))
                .setHeader(getTranslation("event.registration.status")).setAutoWidth(true);
        grid.addColumn(row -> EventFormat.orNone(row.registration().waitlistPosition()))
                .setHeader(getTranslation("event.registration.position")).setAutoWidth(true);
        grid.addColumn(row -> EventFormat.moment(row.registration().offerExpiresAt(), event.timeZone(), locale))
                .setHeader(getTranslation("event.registration.offerDeadline")).setAutoWidth(true);
        grid.addColumn(row -> EventFormat.orNone(row.registration().reason()))
                .setHeader(getTranslation("event.registration.reason")).setAutoWidth(true);
        grid.addColumn(row -> registered(row.registration(), locale))
                .setHeader(getTranslation("event.registration.registeredAt")).setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(this::actions)).setHeader(getTranslation("common.actions"))
                .setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText(getTranslation("event.registrations.none"));
        grid.setAllRowsVisible(true);
    }

    private void configureNeeds() {
        needs.setId("event-needs");
        needs.addColumn(registration -> registration.person().fullName())
                .setHeader(getTranslation("event.registration.name")).setAutoWidth(true);
        needs.addColumn(RegistrationResponse::memberName).setHeader(getTranslation("event.registration.member"))
                .setAutoWidth(true);
        needs.addColumn(registration -> EventFormat.orNone(registration.person().dietaryNeeds()))
                .setHeader(getTranslation("event.registration.dietary")).setFlexGrow(2);
        needs.addColumn(registration -> EventFormat.orNone(registration.person().accessibilityNeeds()))
                .setHeader(getTranslation("event.registration.accessibility")).setFlexGrow(2);
        needs.setEmptyStateText(getTranslation("event.needs.none"));
        needs.setAllRowsVisible(true);
    }

    private void refresh() {
        List<RegistrationResponse> all = registrations.list(event.id(), null);
        List<Row> rows = IntStream.range(0, all.size()).mapToObj(i -> new Row(i + 1, all.get(i)))
                .filter(row -> status.getValue() == null || row.registration().status() == status.getValue())
                .toList();
        grid.setItems(rows);
        needs.setItems(all.stream().filter(registration -> registration.status().isActive())
                .filter(RegistrationsTab::hasNeeds).toList());
    }

    /** Whether the user's own association registered the person and they have needs to cater for. */
    static boolean hasNeeds(RegistrationResponse registration) {
        return registration.person() != null && (registration.person().dietaryNeeds() != null
                || registration.person().accessibilityNeeds() != null);
    }

    private Component actions(Row row) {
        RegistrationResponse registration = row.registration();
        HorizontalLayout buttons = new HorizontalLayout();
        buttons.setSpacing(false);
        boolean decides = access.staff() && (access.owner()
                || registration.tenant().equals(access.caller().tenantCode()));
        if (!decides) {
            return buttons;
        }
        String name = registration.person() == null ? registration.memberName() : registration.person().fullName();
        RegistrationStatus state = registration.status();
        if (state == RegistrationStatus.PENDING) {
            buttons.add(action("event.registration.approve", "approve", registration,
                    id -> registrations.approve(id)));
            Button reject = button("event.registration.reject", "reject", registration);
            reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
            reject.addClickListener(click -> new RejectDialog(registration, name, registrations, page::reload)
                    .open());
            buttons.add(reject);
        }
        if (state == RegistrationStatus.OFFERED || state == RegistrationStatus.WAITLISTED) {
            buttons.add(action("event.registration.confirm", "confirm", registration,
                    id -> registrations.confirm(id)));
        }
        if (state.isActive()) {
            Button cancel = button("event.registration.cancel", "cancel", registration);
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
            cancel.addClickListener(click -> {
                ConfirmDialog confirm = ComponentTexts.dangerousConfirm(this,
                        getTranslation("event.registration.cancel.title", name),
                        getTranslation("event.registration.cancel.text"),
                        getTranslation("event.registration.cancel"));
                confirm.setId("confirm-cancel-registration");
                confirm.addConfirmListener(confirmed -> run(id -> registrations.cancel(id), registration));
                confirm.open();
            });
            buttons.add(cancel);
        }
        return buttons;
    }

    private Button action(String labelKey, String idPrefix, RegistrationResponse registration,
                          Function<java.util.UUID, RegistrationResponse> call) {
        Button button = button(labelKey, idPrefix, registration);
        button.addClickListener(click -> run(call, registration));
        return button;
    }

    private Button button(String labelKey, String idPrefix, RegistrationResponse registration) {
        Button button = new Button(getTranslation(labelKey));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        button.setId(idPrefix + "-registration-" + registration.id());
        return button;
    }

    private void run(Function<java.util.UUID, RegistrationResponse> call, RegistrationResponse registration) {
        try {
            RegistrationResponse done = call.apply(registration.id());
            Notification.show(getTranslation("event.registration.now",
                    getTranslation("event.registration.status." + done.status())));
        } catch (ApiException e) {
            Refusals.notify(this, e);
        }
        page.reload();
    }

    private String registered(RegistrationResponse registration, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .format(LocalDateTime.ofInstant(registration.registeredAt(), ZoneId.of(event.timeZone())));
    }

    /** A registration with its place in the order of arrival (1 = first). */
    record Row(int arrival, RegistrationResponse registration) {
    }
}
