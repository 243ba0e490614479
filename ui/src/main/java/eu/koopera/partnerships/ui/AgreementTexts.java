package eu.koopera.partnerships.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import eu.koopera.networks.LocalizedText;
import eu.koopera.partnerships.AgreementResponse;
import eu.koopera.partnerships.PartyResponse;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the partnership views write titles, parties, dates, periods and money in the reader's language. */
final class AgreementTexts {

    /** What an empty value shows. */
    static final String NONE = "—";

    private AgreementTexts() {
    }

    /** A text in the reader's language, else in English, Latvian or Lithuanian, whichever is there first. */
    static String inLanguage(LocalizedText text, Locale locale) {
        return text == null ? NONE : orNone(text.in(locale.getLanguage()));
    }

    /** The reader's locale, for code that is not a component. */
    static Locale locale() {
        return UI.getCurrent() == null ? Locale.ENGLISH : UI.getCurrent().getLocale();
    }

    static String title(AgreementResponse agreement, Locale locale) {
        return inLanguage(agreement.title(), locale);
    }

    /** The parties by their short names, joined. */
    static String parties(AgreementResponse agreement) {
        return agreement.parties().stream().map(PartyResponse::label).collect(Collectors.joining(", "));
    }

    static String date(LocalDate date, Locale locale) {
        return date == null ? NONE
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }

    /** "start – end"; an open end is written as such. */
    static String period(Component context, AgreementResponse agreement) {
        Locale locale = locale();
        if (agreement.startsOn() == null && agreement.endsOn() == null) {
            return NONE;
        }
        return date(agreement.startsOn(), locale) + " – " + (agreement.endsOn() == null
                ? context.getTranslation("partnerships.openEnded") : date(agreement.endsOn(), locale));
    }

    /** An amount with its currency, to the cent, in the reader's format. */
    static String money(BigDecimal amount, String currency, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Currency.getInstance(currency));
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(amount);
    }

    /** A percentage with two decimals, or "—" without a commitment. */
    static String percent(BigDecimal percent, Locale locale) {
        if (percent == null) {
            return NONE;
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(percent) + " %";
    }

    static String orNone(String value) {
        return value == null || value.isBlank() ? NONE : value;
    }
}
