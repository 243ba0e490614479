package eu.koopera.benchlearning.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.binder.Binder;
import eu.koopera.benchlearning.Indicator;
import eu.koopera.benchlearning.IndicatorValue;
import eu.koopera.benchlearning.Plan;
import eu.koopera.benchlearning.PlanCommand;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One indicator of a plan in the editor: the indicator, its baseline (year and value, filled in from the values
 * already imported when there are some), the target value and the target year, with its own binder.
 */
final class PlanTargetRow extends HorizontalLayout {

    private static final int FIRST_YEAR = 1990;
    private static final int LAST_YEAR = 2100;

    private final PlanForm.Target bean = new PlanForm.Target();
    private final Binder<PlanForm.Target> binder = new Binder<>();
    private final ComboBox<Indicator> indicator = new ComboBox<>();
    private final IntegerField baselineYear = new IntegerField();
    private final BigDecimalField baselineValue = new BigDecimalField();
    private final BigDecimalField targetValue = new BigDecimalField();
    private final IntegerField targetYear = new IntegerField();
    private final BiFunction<String, Integer, Optional<IndicatorValue>> baselines;
    private boolean filling;

    /**
     * @param id        the row's id; its fields are {@code id-indicator}, {@code id-baseline-year} and so on
     * @param baselines the stored total value of an indicator in a year, or in its latest year when none is given
     */
    PlanTargetRow(String id, List<Indicator> catalogue, String language, @Nullable Plan.Target target,
                  BiFunction<String, Integer, Optional<IndicatorValue>> baselines,
                  Consumer<PlanTargetRow> onRemove, Runnable onIndicatorChange) {
        this.baselines = baselines;
        setId(id);
        addClassName("plan-target-row");
        setWrap(true);
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        Map<String, Indicator> byCode = catalogue.stream()
                .collect(Collectors.toMap(Indicator::code, Function.identity()));
        indicator.setLabel(getTranslation("bench.column.indicator"));
        indicator.setId(id + "-indicator");
        indicator.setItems(catalogue);
        indicator.setItemLabelGenerator(item -> item.name().in(language) + " (" + item.code() + ")");
        indicator.setWidth("20em");
        label(baselineYear, "bench.plan.baselineYear", id + "-baseline-year");
        label(targetYear, "bench.plan.targetYear", id + "-target-year");
        baselineValue.setLabel(getTranslation("bench.plan.baselineValue"));
        baselineValue.setId(id + "-baseline-value");
        baselineValue.setHelperText(getTranslation("bench.plan.baselineHelp"));
        targetValue.setLabel(getTranslation("bench.plan.targetValue"));
        targetValue.setId(id + "-target-value");
        String required = getTranslation("validation.required");
        String range = getTranslation("validation.range");
        binder.forField(indicator).asRequired(required)
                .withConverter(item -> item == null ? null : item.code(), code -> code == null ? null
                        : byCode.get(code))
                .bind(row -> row.indicator, (row, value) -> row.indicator = value);
        binder.forField(baselineYear).asRequired(required)
                .withValidator(year -> year >= FIRST_YEAR && year <= LAST_YEAR, range)
                .bind(row -> row.baselineYear, (row, value) -> row.baselineYear = value);
        binder.forField(baselineValue).bind(row -> row.baselineValue, (row, value) -> row.baselineValue = value);
        binder.forField(targetValue).asRequired(required)
                .bind(row -> row.targetValue, (row, value) -> row.targetValue = value);
        binder.forField(targetYear).asRequired(required)
                .withValidator(year -> year >= FIRST_YEAR && year <= LAST_YEAR, range)
                .withValidator(year -> baselineYear.getValue() == null || year > baselineYear.getValue(),
                        getTranslation("problem.plan.target.year"))
                .bind(row -> row.targetYear, (row, value) -> row.targetYear = value);
        if (target != null) {
            bean.indicator = target.indicator();
            bean.baselineYear = target.baselineYear();
            bean.baselineValue = target.baselineValue();
            bean.targetValue = target.targetValue();
            bean.targetYear = target.targetYear();
        }
        filling = true;
        binder.setBean(bean);
        filling = false;
        indicator.addValueChangeListener(change -> {
            if (!filling && change.getValue() != null) {
                fillBaseline(true);
            }
            onIndicatorChange.run();
        });
        baselineYear.addValueChangeListener(change -> {
            if (!filling && change.getValue() != null && baselineValue.getValue() == null) {
                fillBaseline(false);
            }
        });
        Button remove = new Button(VaadinIcon.TRASH.create(), click -> onRemove.accept(this));
        remove.setId(id + "-remove");
        remove.setAriaLabel(getTranslation("bench.plan.removeTarget"));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        add(indicator, baselineYear, baselineValue, targetValue, targetYear, remove);
    }

    /**
     * Takes the baseline from the stored values: the chosen year's, or (for a newly chosen indicator without a value
     * in that year) the latest year's.
     */
    private void fillBaseline(boolean indicatorChanged) {
        if (indicator.getValue() == null) {
            return;
        }
        Integer year = baselineYear.getValue();
        Optional<IndicatorValue> stored = baselines.apply(indicator.getValue().code(), year);
        if (stored.isEmpty() && year != null && indicatorChanged) {
            stored = baselines.apply(indicator.getValue().code(), null);
        }
        stored.ifPresent(value -> {
            filling = true;
            try {
                baselineYear.setValue(value.year());
                baselineValue.setValue(value.value());
            } finally {
                filling = false;
            }
        });
    }

    private void label(IntegerField field, String key, String id) {
        field.setLabel(getTranslation(key));
        field.setId(id);
        field.setMin(FIRST_YEAR);
        field.setMax(LAST_YEAR);
        field.setStepButtonsVisible(false);
        field.setWidth("8em");
    }

    /** Whether every field is valid, marking the ones that are not. */
    boolean validate() {
        return binder.validate().isOk();
    }

    @Nullable String indicatorCode() {
        return indicator.getValue() == null ? null : indicator.getValue().code();
    }

    PlanCommand.Target command() {
        return new PlanCommand.Target(bean.indicator, "T", bean.baselineYear, bean.baselineValue, bean.targetYear,
                bean.targetValue);
    }

    /** The fields by the names the plan service gives in its problems, below {@code prefix} (such as targets[0]). */
    Map<String, HasValidation> fields(String prefix) {
        return Map.of(prefix + ".indicator", indicator, prefix + ".gender", indicator,
                prefix + ".baselineYear", baselineYear, prefix + ".baselineValue", baselineValue,
                prefix + ".targetYear", targetYear, prefix + ".targetValue", targetValue);
    }
}
