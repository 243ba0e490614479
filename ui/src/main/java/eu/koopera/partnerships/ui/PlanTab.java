package eu.koopera.partnerships.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import eu.koopera.partnerships.AgreementResponse;
import eu.koopera.partnerships.PlanCommand;
import eu.koopera.partnerships.PlanResponse;
import eu.koopera.partnerships.PlanService;
import eu.koopera.partnerships.StepStatus;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.CommandValidation;
import eu.koopera.ui.forms.Fields;
import eu.koopera.ui.i18n.ComponentTexts;

import java.util.ArrayList;
import java.util.List;

/**
 * A community partnership's plan: the five steps in order, each with its content, who is responsible, its status
 * and date, and the evaluation results; the owner's staff edit and save them together.
 */
class PlanTab extends VerticalLayout {

    private final List<StepFields> steps = new ArrayList<>();

    PlanTab(AgreementResponse agreement, PlanService plans, CommandValidation validation, boolean manages) {
        setPadding(false);
        PlanResponse plan = plans.plan(agreement.id());
        for (PlanCommand.Step step : plan.steps()) {
            StepFields fields = new StepFields(step);
            fields.setReadOnly(!manages);
            steps.add(fields);
            add(new H2(getTranslation("partnerships.plan.step." + step.step())), fields.layout());
        }
        TextArea evaluation = new TextArea(getTranslation("partnerships.plan.evaluation"));
        evaluation.setId("plan-evaluation");
        evaluation.setWidthFull();
        evaluation.setValue(Fields.nullToEmpty(plan.evaluation()));
        evaluation.setReadOnly(!manages);
        add(evaluation);
        if (manages) {
            Button save = new Button(getTranslation("common.save"), click -> {
                try {
                    plans.replace(agreement.id(), new PlanCommand(steps.stream().map(StepFields::step).toList(),
                            Fields.blankToNull(evaluation.getValue())));
                    Notification.show(getTranslation("partnerships.plan.saved"));
                } catch (ApiException e) {
                    CommandValidation.notifyError(this, e);
                }
            });
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.setId("save-plan");
            add(save);
        }
    }

    /** The fields of one step. */
    private final class StepFields {
        private final PlanCommand.Step stored;
        private final TextArea content = new TextArea(getTranslation("partnerships.plan.content"));
        private final TextField responsible = Fields.text(PlanTab.this, "partnerships.plan.responsible", "plan-responsible");
        private final Select<StepStatus> status = new Select<>();
        private final DatePicker date = ComponentTexts.localize(new DatePicker(
                getTranslation("partnerships.plan.date")));

        StepFields(PlanCommand.Step stored) {
            this.stored = stored;
            String id = "plan-" + stored.step().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            content.setId(id + "-content");
            responsible.setId(id + "-responsible");
            status.setId(id + "-status");
            date.setId(id + "-date");
            status.setLabel(getTranslation("partnerships.plan.status"));
            status.setItems(StepStatus.values());
            status.setItemLabelGenerator(value -> getTranslation("partnerships.plan.status." + value));
            content.setValue(Fields.nullToEmpty(stored.content()));
            responsible.setValue(Fields.nullToEmpty(stored.responsible()));
            status.setValue(stored.status());
            date.setValue(stored.date());
        }

        FormLayout layout() {
            FormLayout form = new FormLayout(content, responsible, status, date);
            form.setColspan(content, 3);
            form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1),
                    new FormLayout.ResponsiveStep("40rem", 3));
            return form;
        }

        void setReadOnly(boolean readOnly) {
            content.setReadOnly(readOnly);
            responsible.setReadOnly(readOnly);
            status.setReadOnly(readOnly);
            date.setReadOnly(readOnly);
        }

        PlanCommand.Step step() {
            return new PlanCommand.Step(stored.step(), Fields.blankToNull(content.getValue()),
                    Fields.blankToNull(responsible.getValue()), status.getValue(), date.getValue());
        }
    }
}
