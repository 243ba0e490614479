package eu.koopera.ui.forms;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.textfield.TextField;

/** Small pieces every form and detail page of the portal builds the same way. */
public final class Fields {

    private Fields() {
    }

    /** An editable text field labelled in the user's language. */
    public static TextField text(Component context, String labelKey, String id) {
        TextField field = new TextField(context.getTranslation(labelKey));
        field.setId(id);
        return field;
    }

    /** What the portal shows for a value nobody has filled in yet: not known, rather than missing. */
    public static final String NOT_KNOWN = "—";

    /** A labelled field that only shows {@code value} ("—" when not known), still reachable by keyboard. */
    public static TextField readOnly(Component context, String labelKey, String value) {
        TextField field = new TextField(context.getTranslation(labelKey));
        field.setValue(value == null || value.isBlank() ? NOT_KNOWN : value);
        field.setReadOnly(true);
        return field;
    }

    /** What a text field holds as a command wants it: trimmed, or null when nothing was entered. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A possibly missing value as a text field takes it. */
    public static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
