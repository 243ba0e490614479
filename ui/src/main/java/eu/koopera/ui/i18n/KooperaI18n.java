package eu.koopera.ui.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/** Every string of the portals, in Latvian, Lithuanian and English, from {@code i18n/messages*.properties}. */
@Singleton
public class KooperaI18n implements I18NProvider {

    public static final Locale LATVIAN = Locale.of("lv", "LV");
    public static final Locale LITHUANIAN = Locale.of("lt", "LT");
    public static final Locale ENGLISH = Locale.of("en", "GB");
    public static final List<Locale> LOCALES = List.of(LATVIAN, LITHUANIAN, ENGLISH);

    private static final Logger LOG = LoggerFactory.getLogger(KooperaI18n.class);
    private static final String BUNDLE = "i18n.messages";

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        try {
            String pattern = ResourceBundle.getBundle(BUNDLE, supported(locale), ResourceBundle.Control
                    .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
            return params.length == 0 ? pattern : new MessageFormat(pattern, locale).format(params);
        } catch (MissingResourceException e) {
            LOG.warn("No translation for '{}' in {}", key, locale);
            return "!" + key;
        }
    }

    /** Whether the bundles have a text for {@code key} (in English, which every key has). */
    public static boolean has(String key) {
        try {
            ResourceBundle.getBundle(BUNDLE, ENGLISH, ResourceBundle.Control
                    .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
            return true;
        } catch (MissingResourceException e) {
            return false;
        }
    }

    /** The supported locale for a language tag such as {@code lv}, or English. */
    public static Locale forLanguage(String language) {
        return LOCALES.stream().filter(locale -> locale.getLanguage().equals(language)).findFirst().orElse(ENGLISH);
    }

    /** The supported locale closest to {@code locale}, or English. */
    public static Locale supported(Locale locale) {
        return Optional.ofNullable(locale).map(Locale::getLanguage).map(KooperaI18n::forLanguage).orElse(ENGLISH);
    }
}
