package eu.koopera.events.ui;

import eu.koopera.events.EventResponse;
import eu.koopera.networks.LocalizedText;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How the events views word an event's facts in the reader's language: titles, date-times in the event's own time
 * zone, places; a missing value shows as a dash.
 */
final class EventFormat {

    /** What an empty value shows as. */
    static final String NONE = "—";

    private EventFormat() {
    }

    /** A text in the reader's language, else in another one the text has. */
    static String text(LocalizedText text, Locale locale) {
        return text == null ? "" : text.in(locale.getLanguage());
    }

    static String title(EventResponse event, Locale locale) {
        return text(event.title(), locale);
    }

    /** A value as shown, or a dash when there is none. */
    static String orNone(Object value) {
        return value == null || value.toString().isBlank() ? NONE : value.toString();
    }

    /** A local date-time of the event in the reader's format; a dash when absent. */
    static String dateTime(LocalDateTime value, Locale locale) {
        return value == null ? NONE : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).format(value);
    }

    static String date(LocalDate value, Locale locale) {
        return value == null ? NONE : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                .format(value);
    }

    /** A moment (an offer's deadline) as it reads in the event's time zone, the zone named. */
    static String moment(Instant value, String zone, Locale locale) {
        if (value == null) {
            return NONE;
        }
        ZoneId id = zoneOrUtc(zone);
        return dateTime(LocalDateTime.ofInstant(value, id), locale) + " (" + id.getId() + ")";
    }

    /** Start and end in the event's zone, e.g. "14 Sept 2030, 09:00 – 17 Sept 2030, 18:00 (Europe/Oslo)". */
    static String when(EventResponse event, Locale locale) {
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
        String end = event.endsAt().toLocalDate().equals(event.startsAt().toLocalDate())
                ? time.format(event.endsAt()) : dateTime(event.endsAt(), locale);
        return dateTime(event.startsAt(), locale) + " – " + end + " (" + event.timeZone() + ")";
    }

    /** City, country and venue, as far as known. */
    static String place(EventResponse event) {
        String place = Stream.of(event.city(), event.country(), event.venue()).filter(part -> part != null
                && !part.isBlank()).collect(Collectors.joining(", "));
        return orNone(place);
    }

    private static ZoneId zoneOrUtc(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException | NullPointerException e) {
            return ZoneId.of("UTC");
        }
    }
}
