package eu.koopera.platform.collation;

import eu.koopera.platform.security.CurrentWork;
import jakarta.inject.Singleton;
import org.jooq.Collation;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.util.Locale;

/**
 * Orders names the way the association's people read them: by PostgreSQL's ICU collation of the association's
 * language, so that in Latvian "Ādažu" sorts with the A's and "Ķekavas" after "Kuldīgas", and in Lithuanian
 * "Šakiai" after "Skuodas" and "Kėdainiai" among the K's. Work outside any association, and English-speaking
 * associations, use the root collation, which still places accented letters next to their base letter.
 */
@Singleton
public class NameOrder {

    private static final Collation LATVIAN = DSL.collation(DSL.quotedName("lv-x-icu"));
    private static final Collation LITHUANIAN = DSL.collation(DSL.quotedName("lt-x-icu"));
    private static final Collation ROOT = DSL.collation(DSL.quotedName("und-x-icu"));

    private final CurrentWork work;

    public NameOrder(CurrentWork work) {
        this.work = work;
    }

    /** The field, collated for the current association's language; use it in {@code ORDER BY}. */
    public Field<String> collated(Field<String> name) {
        return name.collate(collation());
    }

    /** The collation of the current association's language. */
    public Collation collation() {
        return forLocale(work.tenantLocale().orElse(null));
    }

    /** The collation for a language code such as {@code lv}, {@code lt-LT} or {@code en}. */
    public static Collation forLocale(String locale) {
        String language = locale == null ? "" : Locale.forLanguageTag(locale.replace('_', '-')).getLanguage();
        return switch (language) {
            case "lv" -> LATVIAN;
            case "lt" -> LITHUANIAN;
            default -> ROOT;
        };
    }
}
