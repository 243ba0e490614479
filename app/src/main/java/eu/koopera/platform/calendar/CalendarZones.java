package eu.koopera.platform.calendar;

import jakarta.inject.Singleton;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.TzId;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.ZoneId;

/**
 * The time zones of Koopera's calendar files (events, network meetings): ical4j's registry, asked once per zone,
 * with linked zones given back under the id the calendar's DTSTART and DTEND use.
 */
@Singleton
public class CalendarZones {

    private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

    /** Whether both Java and ical4j know the zone, so that times can be converted and a VTIMEZONE written. */
    public boolean knows(String zoneId) {
        return ZoneId.getAvailableZoneIds().contains(zoneId) && zones.getTimeZone(zoneId) != null;
    }

    /**
     * The VTIMEZONE of {@code zoneId} under that very id. ical4j's registry answers a linked zone with its target
     * (Europe/Oslo is Europe/Berlin in current tzdata), and a TZID in DTSTART that no VTIMEZONE carries breaks
     * RFC 5545 (clients then fall back to UTC or the viewer's zone), so the copy is renamed; the rules are the
     * same.
     */
    public VTimeZone vTimeZone(String zoneId) {
        TimeZone zone = zones.getTimeZone(zoneId);
        if (zone == null) {
            throw new IllegalArgumentException("unknown time zone " + zoneId);
        }
        VTimeZone copy = zone.getVTimeZone().copy();
        if (!copy.getTimeZoneId().getValue().equals(zoneId)) {
            copy.replace(new TzId(zoneId));
            copy.removeAll(Property.TZURL, "X-LIC-LOCATION");
        }
        return copy;
    }

    /** The calendar's text, validated by ical4j as it is written. */
    public static String text(Calendar calendar) {
        StringWriter text = new StringWriter();
        try {
            new CalendarOutputter(true).output(calendar, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
