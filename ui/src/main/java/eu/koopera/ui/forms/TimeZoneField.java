package eu.koopera.ui.forms;

import com.vaadin.flow.component.combobox.ComboBox;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A time zone chosen from a few offered first or typed as any IANA id (such as {@code Europe/Oslo}); a typed text
 * that is no IANA id is marked invalid and not taken.
 */
public class TimeZoneField extends ComboBox<String> {

    private final List<String> zones;

    public TimeZoneField(List<String> offered) {
        this.zones = new ArrayList<>(offered);
        setAllowCustomValue(true);
        setRequiredIndicatorVisible(true);
        setItems(zones);
        addCustomValueSetListener(event -> choose(event.getDetail()));
    }

    /** Takes a zone typed or stored, adding it to the offered ones. */
    public void choose(String typed) {
        String zone = typed == null ? "" : typed.strip();
        if (!known(zone)) {
            setInvalid(true);
            return;
        }
        if (!zones.contains(zone)) {
            zones.add(zone);
            setItems(zones);
        }
        setValue(zone);
        setInvalid(false);
    }

    /** Whether {@code zone} is an IANA zone id as Java knows it (not an offset such as {@code +02:00}). */
    public static boolean known(String zone) {
        try {
            return zone != null && zone.contains("/") && ZoneId.of(zone).getId().equals(zone);
        } catch (DateTimeException e) {
            return false;
        }
    }
}
