package eu.koopera.events;

import eu.koopera.platform.calendar.CalendarZones;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Renders an event as an RFC 5545 calendar with ical4j, as the networks' meetings are: one VEVENT with its start
 * and end in the event's own time zone and that zone's VTIMEZONE, the programme in the description, and the
 * event's page as its URL. A cancelled event is published as CANCELLED, so that calendars that imported it drop it.
 */
@Singleton
class EventCalendar {

    private static final String PRODUCT = "-//Koopera//Events//EN";
    private static final String UID_DOMAIN = "@events.koopera.eu";

    private final CalendarZones zones;
    private final String publicUrl;

    EventCalendar(CalendarZones zones, @Value("${koopera.public-url:http://localhost:8080}") String publicUrl) {
        this.zones = zones;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** The calendar text of the event, its title and description in {@code language} where given. */
    String render(EventResponse event, @Nullable String language) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(zones.vTimeZone(event.timeZone()));
        ZoneId zone = ZoneId.of(event.timeZone());
        VEvent vevent = new VEvent(event.startsAt().atZone(zone), event.endsAt().atZone(zone),
                event.title().in(language));
        vevent.replace(new DtStamp(Instant.now()));
        vevent.add(new Uid(event.id() + UID_DOMAIN));
        vevent.add(new Sequence((int) Math.min(Integer.MAX_VALUE, event.version())));
        vevent.add(new LastModified(event.updatedAt()));
        vevent.add(new Location(place(event)));
        vevent.add(new Url(URI.create(publicUrl + "/events/" + event.id())));
        vevent.add(event.status() == EventStatus.CANCELLED ? ImmutableStatus.VEVENT_CANCELLED
                : ImmutableStatus.VEVENT_CONFIRMED);
        String description = description(event, language);
        if (!description.isEmpty()) {
            vevent.add(new Description(description));
        }
        calendar.add(vevent);
        return CalendarZones.text(calendar);
    }

    static String place(EventResponse event) {
        StringBuilder place = new StringBuilder();
        if (event.venue() != null) {
            place.append(event.venue()).append(", ");
        }
        return place.append(event.city()).append(", ").append(event.country()).toString();
    }

    /** The description, then the programme day by day. */
    private static String description(EventResponse event, @Nullable String language) {
        StringBuilder text = new StringBuilder(event.description().in(language));
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm");
        java.time.LocalDate day = null;
        for (ProgrammeItem item : event.programme()) {
            if (!item.day().equals(day)) {
                day = item.day();
                text.append(text.isEmpty() ? "" : "\n\n").append(day);
            }
            text.append('\n').append(item.time() == null ? "" : time.format(item.time()) + " ").append(item.item());
            if (item.speaker() != null) {
                text.append(" — ").append(item.speaker());
            }
            if (item.place() != null) {
                text.append(" (").append(item.place()).append(')');
            }
        }
        return text.toString();
    }
}
