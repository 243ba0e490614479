package eu.koopera.members;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The kinds of local government an association's members are, with their names in Latvian, Lithuanian and English
 * as the portals show them (the UI's bundles are checked against these), so that an import file may give either
 * the code or the name a person sees on screen.
 */
public enum MemberKind {
    /** Latvian state city (valstspilsēta). */
    STATE_CITY("Valstspilsēta", "Valstybinis miestas", "State city"),
    /** Latvian municipality (novads) or a Lithuanian municipality without a more specific kind. */
    MUNICIPALITY("Novads", "Savivaldybė", "Municipality"),
    /** Lithuanian city municipality (miesto savivaldybė). */
    CITY_MUNICIPALITY("Pilsētas pašvaldība", "Miesto savivaldybė", "City municipality"),
    /** Lithuanian district municipality (rajono savivaldybė). */
    DISTRICT_MUNICIPALITY("Rajona pašvaldība", "Rajono savivaldybė", "District municipality"),
    /** Anything else, such as a regional body. */
    OTHER("Cits", "Kita", "Other");

    private final Map<String, String> labels;

    MemberKind(String latvian, String lithuanian, String english) {
        this.labels = Map.of("lv", latvian, "lt", lithuanian, "en", english);
    }

    /** The kind's name in {@code language} ({@code lv}, {@code lt} or {@code en}; English otherwise). */
    public String label(String language) {
        return labels.getOrDefault(language, labels.get("en"));
    }

    /**
     * The kind a file names: its code ({@code STATE_CITY}, case and spaces ignored) or its name in any of the three
     * languages (case ignored).
     */
    public static Optional<MemberKind> parse(String value) {
        String text = Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
        String code = text.toUpperCase(Locale.ROOT).replace(' ', '_');
        return Arrays.stream(values())
                .filter(kind -> kind.name().equals(code)
                        || kind.labels.values().stream().anyMatch(label -> label.equalsIgnoreCase(text)))
                .findFirst();
    }
}
