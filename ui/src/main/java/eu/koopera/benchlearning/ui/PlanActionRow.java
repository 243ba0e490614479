package eu.koopera.benchlearning.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.StringLengthValidator;
import eu.koopera.benchlearning.ActionStatus;
import eu.koopera.benchlearning.Plan;
import eu.koopera.benchlearning.PlanCommand;
import eu.koopera.ui.forms.Fields;
import io.micronaut.core.annotation.Nullable;

import java.util.Map;
import java.util.function.Consumer;

/** One action of a plan in the editor: what, who, by when and where it stands, with its own binder. */
final class PlanActionRow extends HorizontalLayout {

    private final PlanForm.Action bean = new PlanForm.Action();
    private final Binder<PlanForm.Action> binder = new Binder<>();
    private final TextField description = new TextField();
    private final TextField owner = new TextField();
    private final DatePicker dueOn = new DatePicker();
    private final Select<ActionStatus> status = new Select<>();

    PlanActionRow(String id, @Nullable Plan.Action action, Consumer<PlanActionRow> onRemove) {
        setId(id);
        addClassName("plan-action-row");
        setWrap(true);
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        description.setLabel(getTranslation("bench.plan.action.description"));
        description.setId(id + "-description");
        description.setWidth("24em");
        owner.setLabel(getTranslation("bench.plan.action.owner"));
        owner.setId(id + "-owner");
        dueOn.setLabel(getTranslation("bench.plan.action.dueOn"));
        dueOn.setId(id + "-due");
        status.setLabel(getTranslation("bench.plan.action.status"));
        status.setId(id + "-status");
        status.setItems(ActionStatus.values());
        status.setItemLabelGenerator(value -> getTranslation("bench.plan.action.status." + value));
        binder.forField(description).asRequired(getTranslation("validation.required"))
                .withValidator(new StringLengthValidator(getTranslation("validation.size", 1, 1000), 1, 1000))
                .bind(row -> Fields.nullToEmpty(row.description), (row, value) -> row.description =
                        Fields.blankToNull(value));
        binder.forField(owner)
                .withValidator(new StringLengthValidator(getTranslation("validation.size", 0, 200), 0, 200))
                .bind(row -> Fields.nullToEmpty(row.owner), (row, value) -> row.owner = Fields.blankToNull(value));
        binder.forField(dueOn).bind(row -> row.dueOn, (row, value) -> row.dueOn = value);
        // a validator rather than asRequired: a Select marked required puts aria-required on its button (axe: critical)
        binder.forField(status).withValidator(java.util.Objects::nonNull, getTranslation("validation.required"))
                .bind(row -> row.status, (row, value) -> row.status = value);
        if (action != null) {
            bean.description = action.description();
            bean.owner = action.owner();
            bean.dueOn = action.dueOn();
            bean.status = action.status();
        }
        binder.setBean(bean);
        Button remove = new Button(VaadinIcon.TRASH.create(), click -> onRemove.accept(this));
        remove.setId(id + "-remove");
        remove.setAriaLabel(getTranslation("bench.plan.removeAction"));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        add(description, owner, dueOn, status, remove);
    }

    boolean validate() {
        return binder.validate().isOk();
    }

    PlanCommand.Action command() {
        return new PlanCommand.Action(bean.description, bean.owner, bean.dueOn, bean.status);
    }

    Map<String, HasValidation> fields(String prefix) {
        return Map.of(prefix + ".description", description, prefix + ".owner", owner, prefix + ".dueOn", dueOn,
                prefix + ".status", status);
    }
}
