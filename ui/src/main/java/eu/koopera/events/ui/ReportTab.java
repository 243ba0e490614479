package eu.koopera.events.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import eu.koopera.events.EventReportCommand;
import eu.koopera.events.EventReportResponse;
import eu.koopera.events.EventReportService;
import eu.koopera.events.EventResponse;
import eu.koopera.events.FeedbackResults;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.Fields;
import eu.koopera.ui.i18n.ComponentTexts;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * The report after the event (lessons learned, materials as links, follow-up actions with owner and due date),
 * written by the owner's staff and read by everyone, and for the organisers' staff the feedback results without
 * names.
 */
class ReportTab extends VerticalLayout {

    private final EventResponse event;
    private final EventReportService reports;
    private final TextArea lessons = new TextArea();
    private final TextArea materials = new TextArea();
    private final List<EventReportCommand.FollowUp> followUps = new ArrayList<>();
    private final Grid<EventReportCommand.FollowUp> followUpGrid = new Grid<>(EventReportCommand.FollowUp.class,
            false);
    private EventReportResponse report;

    ReportTab(EventResponse event, EventReportService reports, EventView.Access access) {
        this.event = event;
        this.reports = reports;
        this.report = reports.report(event.id());
        setPadding(false);
        boolean writes = access.manages();
        lessons.setLabel(getTranslation("event.report.lessons"));
        lessons.setId("report-lessons");
        lessons.setWidthFull();
        lessons.setReadOnly(!writes);
        materials.setLabel(getTranslation("event.report.materials"));
        materials.setHelperText(getTranslation("event.report.materials.help"));
        materials.setId("report-materials");
        materials.setWidthFull();
        materials.setReadOnly(!writes);
        followUpGrid.setId("report-follow-ups");
        followUpGrid.addColumn(EventReportCommand.FollowUp::action).setHeader(getTranslation("event.followUp.action"))
                .setFlexGrow(3);
        followUpGrid.addColumn(EventReportCommand.FollowUp::owner).setHeader(getTranslation("event.followUp.owner"))
                .setAutoWidth(true);
        followUpGrid.addColumn(followUp -> EventFormat.date(followUp.dueOn(), getLocale()))
                .setHeader(getTranslation("event.followUp.dueOn")).setAutoWidth(true);
        if (writes) {
            followUpGrid.addColumn(new ComponentRenderer<>(followUp -> {
                Button remove = new Button(VaadinIcon.TRASH.create(), click -> {
                    followUps.remove(followUp);
                    followUpGrid.setItems(followUps);
                });
                remove.setAriaLabel(getTranslation("event.followUp.remove"));
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                return remove;
            })).setHeader(getTranslation("common.actions")).setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        }
        followUpGrid.setEmptyStateText(getTranslation("event.followUp.none"));
        followUpGrid.setAllRowsVisible(true);
        show();

        add(new H2(getTranslation("event.report")), lessons, materials,
                new H2(getTranslation("event.followUps")), followUpGrid);
        if (writes) {
            add(followUpForm());
            Button save = new Button(getTranslation("common.save"), click -> save());
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.setId("save-report");
            add(save);
        }
        if (access.organiserStaff()) {
            add(new H2(getTranslation("event.feedback.results")), results(reports.feedback(event.id())));
        }
    }

    private void show() {
        lessons.setValue(Fields.nullToEmpty(report.lessonsLearned()));
        materials.setValue(String.join("\n", report.materials().stream()
                .map(material -> material.title() + " | " + material.url()).toList()));
        followUps.clear();
        followUps.addAll(report.followUps());
        followUpGrid.setItems(followUps);
    }

    private Component followUpForm() {
        TextField action = Fields.text(this, "event.followUp.action", "follow-up-action");
        TextField owner = Fields.text(this, "event.followUp.owner", "follow-up-owner");
        DatePicker due = ComponentTexts.localize(new DatePicker(getTranslation("event.followUp.dueOn")));
        due.setId("follow-up-due");
        Button add = new Button(getTranslation("event.followUp.add"), VaadinIcon.PLUS.create(), click -> {
            action.setInvalid(Fields.blankToNull(action.getValue()) == null);
            owner.setInvalid(Fields.blankToNull(owner.getValue()) == null);
            due.setInvalid(due.getValue() == null);
            if (action.isInvalid() || owner.isInvalid() || due.isInvalid()) {
                return;
            }
            followUps.add(new EventReportCommand.FollowUp(action.getValue().strip(), owner.getValue().strip(),
                    due.getValue(), null));
            followUpGrid.setItems(followUps);
            action.clear();
            owner.clear();
            due.clear();
        });
        add.setId("add-follow-up");
        for (var field : List.of(action, owner)) {
            field.setErrorMessage(getTranslation("validation.required"));
        }
        due.setErrorMessage(getTranslation("validation.required"));
        HorizontalLayout form = new HorizontalLayout(action, owner, due, add);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        return form;
    }

    private void save() {
        List<EventReportCommand.Material> links = new ArrayList<>();
        for (String line : materials.getValue().split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int bar = line.lastIndexOf('|');
            String url = (bar < 0 ? line : line.substring(bar + 1)).strip();
            String title = bar < 0 ? url : line.substring(0, bar).strip();
            links.add(new EventReportCommand.Material(title.isEmpty() ? url : title, url));
        }
        try {
            report = reports.saveReport(event.id(), new EventReportCommand(Fields.blankToNull(lessons.getValue()),
                    links, List.copyOf(followUps), report.version()));
            show();
            Notification.show(getTranslation("event.report.saved"));
        } catch (ApiException e) {
            Refusals.notify(this, e);
        }
    }

    private Component results(FeedbackResults results) {
        VerticalLayout panel = new VerticalLayout();
        panel.setPadding(false);
        panel.setId("feedback-results");
        NumberFormat decimals = NumberFormat.getNumberInstance(getLocale());
        decimals.setMaximumFractionDigits(2);
        panel.add(new Paragraph(getTranslation("event.feedback.responses", results.responses(),
                results.average() == null ? EventFormat.NONE : decimals.format(results.average()))));
        UnorderedList distribution = new UnorderedList();
        for (int rating = 5; rating >= 1; rating--) {
            distribution.add(new ListItem(getTranslation("event.feedback.rating", rating,
                    results.distribution().getOrDefault(rating, 0))));
        }
        panel.add(distribution);
        if (!results.comments().isEmpty()) {
            UnorderedList comments = new UnorderedList();
            results.comments().forEach(comment -> comments.add(new ListItem(comment)));
            panel.add(new Paragraph(getTranslation("event.feedback.comments")), comments);
        }
        return panel;
    }
}
