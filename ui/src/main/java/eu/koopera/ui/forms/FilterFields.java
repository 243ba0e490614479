package eu.koopera.ui.forms;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.function.SerializableFunction;

import java.util.Collection;

/** The filter fields above the portal's grids, set up alike so that every grid filters the same way. */
public final class FilterFields {

    private FilterFields() {
    }

    /**
     * A free-text search field that reacts while the user types (lazily), labelled for screen readers by its
     * placeholder.
     */
    public static void search(TextField field, String placeholderKey, String id, Runnable onChange) {
        String placeholder = field.getTranslation(placeholderKey);
        field.setPlaceholder(placeholder);
        field.setAriaLabel(placeholder);
        field.setId(id);
        field.setClearButtonVisible(true);
        field.setPrefixComponent(VaadinIcon.SEARCH.create());
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.addValueChangeListener(event -> onChange.run());
    }

    /** A choice of one of {@code items} or, as the empty selection, all of them. */
    public static <T> void oneOrAll(Select<T> select, String labelKey, String id, Collection<T> items,
                                    SerializableFunction<T, String> itemLabel, Runnable onChange) {
        String all = select.getTranslation("common.all");
        select.setLabel(select.getTranslation(labelKey));
        if (id != null) {
            select.setId(id);
        }
        select.setItems(items);
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(all);
        select.setItemLabelGenerator(value -> value == null ? all : itemLabel.apply(value));
        select.addValueChangeListener(event -> onChange.run());
    }
}
