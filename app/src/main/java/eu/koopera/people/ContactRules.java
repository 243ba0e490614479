package eu.koopera.people;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** What makes contact details valid, shared by the API and the import. */
final class ContactRules {

    /** An address with a dotted domain; blank means none. */
    static final String EMAIL = "^$|^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
            + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$";
    static final String EMAIL_MESSAGE = "must be an email address";
    /** Digits with the usual separators, optionally international; blank means none. */
    static final String PHONE = "^$|^[+(]?[0-9][0-9 ()./-]{2,48}$";
    static final String PHONE_MESSAGE = "must be a phone number of digits, spaces and + ( ) . / -";
    static final int MAX_LANGUAGES = 20;

    private static final Pattern EMAIL_PATTERN = Pattern.compile(EMAIL);
    private static final Pattern PHONE_PATTERN = Pattern.compile(PHONE);
    private static final Pattern LANGUAGE_SEPARATORS = Pattern.compile("[\\s,;]+");
    private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());

    private ContactRules() {
    }

    static boolean isEmail(String text) {
        return text.length() <= 254 && EMAIL_PATTERN.matcher(text).matches();
    }

    static boolean isPhone(String text) {
        return text.length() <= 50 && PHONE_PATTERN.matcher(text).matches();
    }

    /** Codes from a cell such as {@code "lv, en ru"}. */
    static List<String> splitLanguages(String text) {
        return LANGUAGE_SEPARATORS.splitAsStream(text.strip()).filter(code -> !code.isEmpty()).toList();
    }

    /** The codes lower-cased and without repeats, in the order given. */
    static List<String> normalizeLanguages(Collection<String> codes) {
        Set<String> normalized = new LinkedHashSet<>();
        for (String code : codes) {
            normalized.add(code.strip().toLowerCase(Locale.ROOT));
        }
        return new ArrayList<>(normalized);
    }

    /** Why these (normalized) codes are not acceptable, or null when they are. */
    static String languageProblem(List<String> codes) {
        if (codes.size() > MAX_LANGUAGES) {
            return "at most " + MAX_LANGUAGES + " languages";
        }
        for (String code : codes) {
            if (!ISO_639_1.contains(code)) {
                return "unknown language code '" + code + "'; use ISO 639-1 codes such as lv, lt, en, ru";
            }
        }
        return null;
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
