package eu.koopera.networks.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import eu.koopera.networks.ActivityCommand;
import eu.koopera.networks.ActivityResponse;
import eu.koopera.networks.ActivityService;
import eu.koopera.networks.MilestoneStatus;
import eu.koopera.networks.NetworkResponse;
import eu.koopera.networks.ParticipantResponse;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.Fields;

import eu.koopera.ui.i18n.ComponentTexts;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Creates or edits a pilot activity: goal, responsible municipality (one taking part), plan, result summary and its
 * milestones as editable rows. A stale version is refused by the service and told to the user.
 */
class ActivityDialog extends Dialog {

    private final NetworkResponse network;
    private final ActivityResponse activity;
    private final ActivityService activities;
    private final Consumer<ActivityResponse> onSaved;
    private final TextArea goal = new TextArea();
    private final Select<ParticipantResponse> responsible = new Select<>();
    private final TextArea plan = new TextArea();
    private final TextArea result = new TextArea();
    private final VerticalLayout milestoneRows = new VerticalLayout();
    private final List<MilestoneRow> rows = new ArrayList<>();
    private int rowsAdded;

    ActivityDialog(NetworkResponse network, ActivityResponse activity, List<ParticipantResponse> participants,
                   ActivityService activities, Consumer<ActivityResponse> onSaved) {
        this.network = network;
        this.activity = activity;
        this.activities = activities;
        this.onSaved = onSaved;
        setHeaderTitle(getTranslation(activity == null ? "network.activity.create" : "network.activity.edit"));
        setWidth("min(56rem, 100vw)");
        setId("activity-dialog");
        goal.setLabel(getTranslation("network.activity.goal"));
        goal.setId("activity-goal");
        goal.setWidthFull();
        goal.setRequired(true);
        goal.setErrorMessage(getTranslation("validation.required"));
        responsible.setLabel(getTranslation("network.activity.responsible"));
        responsible.setId("activity-responsible");
        responsible.setItems(participants);
        responsible.setItemLabelGenerator(p -> p.memberName() + " (" + p.tenant() + ")");
        responsible.setRequiredIndicatorVisible(true);
        responsible.setErrorMessage(getTranslation("validation.required"));
        plan.setLabel(getTranslation("network.activity.plan"));
        plan.setId("activity-plan");
        plan.setWidthFull();
        result.setLabel(getTranslation("network.activity.result"));
        result.setId("activity-result");
        result.setWidthFull();
        milestoneRows.setPadding(false);
        Button addMilestone = new Button(getTranslation("network.milestone.add"), VaadinIcon.PLUS.create(),
                click -> addRow(null));
        addMilestone.setId("add-milestone");
        if (activity != null) {
            goal.setValue(activity.goal());
            participants.stream().filter(p -> p.tenant().equals(activity.responsibleTenant())
                    && p.memberId() == activity.responsibleMember()).findFirst().ifPresent(responsible::setValue);
            plan.setValue(Fields.nullToEmpty(activity.plan()));
            result.setValue(Fields.nullToEmpty(activity.resultSummary()));
            activity.milestones().forEach(this::addRow);
        }
        add(new VerticalLayout(goal, responsible, plan, result,
                new H4(getTranslation("network.activity.milestones")), milestoneRows, addMilestone));
        Button save = new Button(getTranslation("common.save"), click -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-activity");
        getFooter().add(new Button(getTranslation("common.cancel"), click -> close()), save);
    }

    private void addRow(ActivityResponse.Milestone milestone) {
        MilestoneRow row = new MilestoneRow(rowsAdded++);
        if (milestone != null) {
            row.title.setValue(milestone.title());
            row.dueOn.setValue(milestone.dueOn());
            row.status.setValue(milestone.status());
        }
        rows.add(row);
        milestoneRows.add(row.layout);
    }

    private void save() {
        boolean valid = true;
        goal.setInvalid(goal.getValue().isBlank());
        responsible.setInvalid(responsible.getValue() == null);
        valid &= !goal.isInvalid() && !responsible.isInvalid();
        List<ActivityCommand.Milestone> milestones = new ArrayList<>();
        for (MilestoneRow row : rows) {
            row.title.setInvalid(row.title.getValue().isBlank());
            row.dueOn.setInvalid(row.dueOn.getValue() == null);
            valid &= !row.title.isInvalid() && !row.dueOn.isInvalid();
            milestones.add(new ActivityCommand.Milestone(row.title.getValue().strip(), row.dueOn.getValue(),
                    row.status.getValue()));
        }
        if (!valid) {
            return;
        }
        ActivityCommand command = new ActivityCommand(goal.getValue().strip(), responsible.getValue().tenant(),
                responsible.getValue().memberId(), Fields.blankToNull(plan.getValue()),
                Fields.blankToNull(result.getValue()), milestones, activity == null ? null : activity.version());
        try {
            ActivityResponse saved = activity == null ? activities.create(network.id(), command)
                    : activities.update(activity.id(), command);
            Notification.show(getTranslation("network.activity.saved"));
            close();
            onSaved.accept(saved);
        } catch (ApiException e) {
            Refusals.notify(this, e, getTranslation("network.activity.stale"));
        }
    }

    /** One editable milestone: title, due date, status, and a button that removes it. */
    private final class MilestoneRow {
        final TextField title = new TextField(getTranslation("network.milestone.title"));
        final DatePicker dueOn = new DatePicker(getTranslation("network.milestone.dueOn"));
        final Select<MilestoneStatus> status = new Select<>();
        final HorizontalLayout layout;

        MilestoneRow(int index) {
            title.setId("milestone-title-" + index);
            title.setRequired(true);
            title.setErrorMessage(getTranslation("validation.required"));
            dueOn.setId("milestone-due-" + index);
            ComponentTexts.localize(dueOn);
            dueOn.setRequired(true);
            dueOn.setErrorMessage(getTranslation("validation.required"));
            status.setLabel(getTranslation("network.milestone.status"));
            status.setId("milestone-status-" + index);
            status.setItems(MilestoneStatus.values());
            status.setItemLabelGenerator(value -> getTranslation("network.milestone.status." + value));
            status.setValue(MilestoneStatus.PLANNED);
            Button remove = new Button(VaadinIcon.TRASH.create());
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel(getTranslation("network.milestone.remove"));
            layout = new HorizontalLayout(title, dueOn, status, remove);
            layout.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
            layout.setWidthFull();
            layout.expand(title);
            remove.addClickListener(click -> {
                rows.remove(this);
                milestoneRows.remove(layout);
            });
        }
    }
}
