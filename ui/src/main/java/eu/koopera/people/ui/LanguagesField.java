package eu.koopera.people.ui;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The languages a person speaks, chosen from those usual in the Baltic associations; a code saved earlier that is
 * not among them (say from an import) stays selectable so that editing does not drop it.
 */
public class LanguagesField extends MultiSelectComboBox<String> {

    /** The ISO 639-1 codes offered, each with a {@code people.language.<code>} translation. */
    public static final List<String> OFFERED = List.of("lv", "lt", "en", "ru", "et", "pl", "de", "fi", "sv", "uk");

    public LanguagesField(String id) {
        setLabel(getTranslation("people.languages"));
        setId(id);
        setItems(OFFERED);
        setItemLabelGenerator(code -> OFFERED.contains(code) ? getTranslation("people.language." + code) : code);
    }

    /** Shows {@code codes} as the selection, in their order. */
    public void setCodes(List<String> codes) {
        List<String> items = new ArrayList<>(OFFERED);
        codes.stream().filter(code -> !items.contains(code)).forEach(items::add);
        setItems(items);
        setValue(new LinkedHashSet<>(codes));
    }

    /** The selection as ISO codes, in the order offered. */
    public List<String> codes() {
        Set<String> selected = getValue();
        List<String> codes = new ArrayList<>(OFFERED.stream().filter(selected::contains).toList());
        selected.stream().filter(code -> !OFFERED.contains(code)).forEach(codes::add);
        return codes;
    }
}
