package eu.koopera.benchlearning.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import eu.koopera.benchlearning.Direction;
import eu.koopera.benchlearning.Indicator;
import eu.koopera.benchlearning.IndicatorCommand;
import eu.koopera.benchlearning.IndicatorService;
import eu.koopera.networks.LocalizedText;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.CommandValidation;
import eu.koopera.ui.forms.Fields;
import io.micronaut.core.annotation.Nullable;

import java.util.Map;
import java.util.function.Consumer;

/** Creates an indicator or edits one: code (fixed once created), names in lv/lt/en, unit, direction and the rest. */
class IndicatorDialog extends Dialog {

    private final @Nullable Indicator indicator;
    private final IndicatorService indicators;
    private final CommandValidation validation;
    private final Consumer<Indicator> onSaved;
    private final TextField code = Fields.text(this, "bench.indicator.code", "indicator-code");
    private final TextField nameLv = Fields.text(this, "bench.indicator.nameLv", "indicator-name-lv");
    private final TextField nameLt = Fields.text(this, "bench.indicator.nameLt", "indicator-name-lt");
    private final TextField nameEn = Fields.text(this, "bench.indicator.nameEn", "indicator-name-en");
    private final TextField unit = Fields.text(this, "bench.indicator.unit", "indicator-unit");
    private final Select<Direction> direction = new Select<>();
    private final Checkbox genderSplit = new Checkbox();
    private final TextField serviceArea = Fields.text(this, "bench.indicators.area", "indicator-area");
    private final TextField source = Fields.text(this, "bench.indicator.source", "indicator-source-field");
    private final TextArea formula = new TextArea();

    IndicatorDialog(@Nullable Indicator indicator, IndicatorService indicators, CommandValidation validation,
                    Consumer<Indicator> onSaved) {
        this.indicator = indicator;
        this.indicators = indicators;
        this.validation = validation;
        this.onSaved = onSaved;
        setHeaderTitle(getTranslation(indicator == null ? "bench.indicators.create" : "bench.indicators.edit"));
        direction.setLabel(getTranslation("bench.indicator.direction"));
        direction.setId("indicator-direction");
        direction.setItems(Direction.values());
        direction.setItemLabelGenerator(value -> getTranslation("bench.direction." + value));
        direction.setValue(Direction.HIGHER_IS_BETTER);
        genderSplit.setLabel(getTranslation("bench.indicator.genderSplit"));
        genderSplit.setId("indicator-gender-split");
        formula.setLabel(getTranslation("bench.indicator.formula"));
        formula.setId("indicator-formula");
        if (indicator != null) {
            code.setValue(indicator.code());
            code.setReadOnly(true);
            nameLv.setValue(orEmpty(indicator.name().lv()));
            nameLt.setValue(orEmpty(indicator.name().lt()));
            nameEn.setValue(orEmpty(indicator.name().en()));
            unit.setValue(orEmpty(indicator.unit()));
            direction.setValue(indicator.direction());
            genderSplit.setValue(indicator.genderSplit());
            serviceArea.setValue(orEmpty(indicator.serviceArea()));
            source.setValue(orEmpty(indicator.source()));
            formula.setValue(orEmpty(indicator.formula()));
        }
        FormLayout form = new FormLayout(code, direction, nameLv, nameLt, nameEn, unit, serviceArea, source,
                genderSplit, formula);
        form.setColspan(formula, 2);
        add(form);
        Button save = new Button(getTranslation("bench.indicator.save"), click -> save());
        save.setId("save-indicator");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("bench.indicator.cancel"), click -> close());
        getFooter().add(cancel, save);
        setWidth("48em");
    }

    private IndicatorCommand command() {
        return new IndicatorCommand(Fields.blankToNull(code.getValue()),
                new LocalizedText(Fields.blankToNull(nameLv.getValue()), Fields.blankToNull(nameLt.getValue()),
                        Fields.blankToNull(nameEn.getValue())),
                indicator == null ? null : indicator.description(), Fields.blankToNull(unit.getValue()),
                direction.getValue(), genderSplit.getValue(), Fields.blankToNull(serviceArea.getValue()),
                Fields.blankToNull(source.getValue()), Fields.blankToNull(formula.getValue()),
                indicator == null ? null : indicator.version());
    }

    private Map<String, HasValidation> fields() {
        return Map.of("code", code, "name", nameLv, "unit", unit, "direction", direction,
                "serviceArea", serviceArea, "source", source, "formula", formula);
    }

    private void save() {
        IndicatorCommand command = command();
        if (!validation.check(command, fields())) {
            return;
        }
        try {
            Indicator saved = indicator == null ? indicators.create(command)
                    : indicators.update(indicator.code(), command);
            Notification.show(getTranslation("bench.indicator.saved"));
            close();
            onSaved.accept(saved);
        } catch (ApiException e) {
            validation.show(e, fields(), this);
        }
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }
}
