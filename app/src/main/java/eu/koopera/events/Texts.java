package eu.koopera.events;

import eu.koopera.networks.LocalizedText;
import io.micronaut.core.annotation.Nullable;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** Small rules for texts in the languages Koopera speaks, and for optional strings. */
final class Texts {

    private Texts() {
    }

    /** The text with blanks dropped and the rest stripped; empty for null. */
    static LocalizedText normalized(@Nullable LocalizedText text) {
        return text == null ? new LocalizedText(null, null, null)
                : new LocalizedText(clean(text.lv()), clean(text.lt()), clean(text.en()));
    }

    static boolean isEmpty(LocalizedText text) {
        return text.lv() == null && text.lt() == null && text.en() == null;
    }

    static int longest(LocalizedText text) {
        return Stream.of(text.lv(), text.lt(), text.en()).mapToInt(one -> one == null ? 0 : one.length()).max()
                .orElse(0);
    }

    static Map<String, String> asMap(LocalizedText text) {
        Map<String, String> map = new LinkedHashMap<>();
        if (text.lv() != null) {
            map.put("lv", text.lv());
        }
        if (text.lt() != null) {
            map.put("lt", text.lt());
        }
        if (text.en() != null) {
            map.put("en", text.en());
        }
        return map;
    }

    static @Nullable String clean(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
