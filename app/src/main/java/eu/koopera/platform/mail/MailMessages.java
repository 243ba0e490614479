package eu.koopera.platform.mail;

import jakarta.inject.Singleton;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mail texts in English, Latvian and Lithuanian from {@code mail_messages_<language>.properties}. A text is a
 * {@link MessageFormat} pattern under {@code <key>.subject} and {@code <key>.text}; the HTML alternative is made
 * from the text, with its links made clickable.
 */
@Singleton
public class MailMessages {

    private static final String BUNDLE = "mail_messages";
    private static final Set<String> LANGUAGES = Set.of("en", "lv", "lt");
    private static final String FALLBACK = "en";
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

    /** The language mails for {@code locale} are written in: its language if supported, else English. */
    public Locale languageOf(String locale) {
        String language = locale == null ? FALLBACK : Locale.forLanguageTag(locale.replace('_', '-')).getLanguage();
        return Locale.of(LANGUAGES.contains(language) ? language : FALLBACK);
    }

    /** The mail {@code key} in the language for {@code locale}, with {@code arguments} filled in. */
    public Text render(String key, String locale, Object... arguments) {
        Locale language = languageOf(locale);
        ResourceBundle bundle = bundle(language);
        String subject = new MessageFormat(bundle.getString(key + ".subject"), language).format(arguments);
        String text = new MessageFormat(bundle.getString(key + ".text"), language).format(arguments);
        return new Text(subject, text, html(text));
    }

    /** A date and time as mails in the language for {@code locale} write it, in {@code zone}. */
    public String dateTime(Instant instant, String locale, ZoneId zone) {
        Locale language = languageOf(locale);
        return DateTimeFormatter.ofPattern(bundle(language).getString("datetime.format"), language)
                .format(instant.atZone(zone));
    }

    private static ResourceBundle bundle(Locale language) {
        return ResourceBundle.getBundle(BUNDLE, language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static String html(String text) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body>");
        for (String paragraph : text.strip().split("\\n\\s*\\n")) {
            Matcher links = LINK.matcher(escape(paragraph));
            String linked = links.replaceAll(link -> Matcher.quoteReplacement(
                    "<a href=\"" + link.group() + "\">" + link.group() + "</a>"));
            html.append("<p>").append(linked.replace("\n", "<br>")).append("</p>");
        }
        return html.append("</body></html>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * A rendered mail.
     *
     * @param subject the subject line
     * @param text    the plain-text body
     * @param html    the same body as HTML
     */
    public record Text(String subject, String text, String html) {
    }
}
