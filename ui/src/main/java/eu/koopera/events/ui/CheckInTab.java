package eu.koopera.events.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import eu.koopera.events.AttendanceRow;
import eu.koopera.events.AttendanceService;
import eu.koopera.events.AttendanceSheet;
import eu.koopera.events.CheckInCommand;
import eu.koopera.events.EventResponse;
import eu.koopera.platform.web.ApiException;

import java.time.LocalDate;

/**
 * The check-in list for one day of the event: every confirmed participant of all organisers, ticked as they arrive
 * (checking in twice changes nothing), and how many are there.
 */
class CheckInTab extends VerticalLayout {

    private final EventResponse event;
    private final AttendanceService attendance;
    private final Select<LocalDate> day = new Select<>();
    private final Paragraph present = new Paragraph();
    private final Grid<AttendanceRow> grid = new Grid<>(AttendanceRow.class, false);

    CheckInTab(EventResponse event, AttendanceService attendance) {
        this.event = event;
        this.attendance = attendance;
        setPadding(false);
        AttendanceSheet sheet = attendance.sheet(event.id());
        day.setLabel(getTranslation("event.checkIn.day"));
        day.setId("check-in-day");
        day.setItems(sheet.days());
        day.setItemLabelGenerator(value -> EventFormat.date(value, getLocale()));
        LocalDate today = LocalDate.now();
        day.setValue(sheet.days().contains(today) ? today : sheet.days().getFirst());
        day.addValueChangeListener(change -> refresh());
        present.setId("check-in-present");

        grid.setId("check-in");
        grid.addColumn(row -> EventFormat.orNone(row.fullName())).setHeader(getTranslation("event.registration.name"))
                .setAutoWidth(true);
        grid.addColumn(row -> row.memberName() + " (" + row.tenant() + ")")
                .setHeader(getTranslation("event.registration.member")).setAutoWidth(true);
        grid.addColumn(row -> getTranslation("event.role." + row.role()))
                .setHeader(getTranslation("event.registration.role")).setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(this::tick)).setHeader(getTranslation("event.checkIn.present"))
                .setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        grid.setEmptyStateText(getTranslation("event.checkIn.none"));
        grid.setAllRowsVisible(true);
        add(day, present, grid);
        show(sheet);
    }

    private Checkbox tick(AttendanceRow row) {
        Checkbox box = new Checkbox(row.present().contains(day.getValue()));
        box.setAriaLabel(getTranslation("event.checkIn.tick", EventFormat.orNone(row.fullName()), row.memberName()));
        box.setId("check-in-" + row.registrationId());
        box.setReadOnly(box.getValue());
        box.addValueChangeListener(change -> {
            if (!Boolean.TRUE.equals(change.getValue())) {
                return;
            }
            try {
                attendance.checkIn(row.registrationId(), new CheckInCommand(day.getValue()));
            } catch (ApiException e) {
                Refusals.notify(this, e);
            }
            refresh();
        });
        return box;
    }

    private void refresh() {
        show(attendance.sheet(event.id()));
    }

    private void show(AttendanceSheet sheet) {
        present.setText(getTranslation("event.checkIn.count", sheet.present().getOrDefault(day.getValue(), 0),
                sheet.rows().size()));
        grid.setItems(sheet.rows());
    }
}
