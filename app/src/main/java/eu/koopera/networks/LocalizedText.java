package eu.koopera.networks;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** A text in the languages Koopera speaks; any of them may be absent. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LocalizedText(@Nullable String lv, @Nullable String lt, @Nullable String en) {

    /** The same text with blanks dropped and the rest stripped. */
    LocalizedText normalized() {
        return new LocalizedText(clean(lv), clean(lt), clean(en));
    }

    boolean isEmpty() {
        return lv == null && lt == null && en == null;
    }

    /** The longest of the texts, for checking a length limit. */
    int longest() {
        return Stream.of(lv, lt, en).mapToInt(text -> text == null ? 0 : text.length()).max().orElse(0);
    }

    /** The first of lv, lt and en that is present, as a sort key; empty when none is. */
    String first() {
        return Stream.of(lv, lt, en).filter(text -> text != null).findFirst().orElse("");
    }

    /** The text in {@code language} if present, else the first present one. */
    String in(@Nullable String language) {
        String text = "lt".equals(language) ? lt : "en".equals(language) ? en : "lv".equals(language) ? lv : null;
        return text != null ? text : first();
    }

    /** The present languages and their texts, as stored. */
    Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        if (lv != null) {
            map.put("lv", lv);
        }
        if (lt != null) {
            map.put("lt", lt);
        }
        if (en != null) {
            map.put("en", en);
        }
        return map;
    }

    static LocalizedText of(Map<String, String> map) {
        return new LocalizedText(map.get("lv"), map.get("lt"), map.get("en"));
    }

    static LocalizedText empty() {
        return new LocalizedText(null, null, null);
    }

    private static @Nullable String clean(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
