package eu.koopera.networks;

/**
 * An iCalendar document ready to download.
 *
 * @param filename a safe attachment name ending in {@code .ics}
 * @param content  the RFC 5545 text, CRLF line endings and folding included
 */
public record CalendarFile(String filename, String content) {
}
