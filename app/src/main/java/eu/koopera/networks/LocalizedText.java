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
    public LocalizedText normalized() {
        return new LocalizedText(clean(lv), clean(lt), clean(en));
    }

    public boolean isEmpty() {
        return lv == null && lt == null && en == null;
    }

    /** The longest of the texts, for checking a length limit. */
    public int longest() {
        return Stream.of(lv, lt, en).mapToInt(text -> text == null ? 0 : text.length()).max().orElse(0);
    }

    /** The first of lv, lt and en that is present, as a sort key; empty when none is. */
    String first() {
        return Stream.of(lv, lt, en).filter(text -> text != null).findFirst().orElse("");
    }

    /** The present languages and their texts, as stored. */
    public Map<String, String> asMap() {
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

    public static LocalizedText of(Map<String, String> map) {
        return new LocalizedText(map.get("lv"), map.get("lt"), map.get("en"));
    }

    /** The text in {@code language} (lv, lt or en), else in the first of those it has; empty when it has none. */
    public String in(@Nullable String language) {
        String wanted = "lt".equals(language) ? lt : "en".equals(language) ? en : "lv".equals(language) ? lv : null;
        for (String text : new String[]{wanted, lv, en, lt}) {
            if (text != null && !text.isBlank()) {
                return text;
            }
        }
        return "";
    }

    public static LocalizedText empty() {
        return new LocalizedText(null, null, null);
    }

    private static @Nullable String clean(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
