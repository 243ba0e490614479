package eu.koopera.networks;

import eu.koopera.platform.calendar.CalendarZones;
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
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders meetings as RFC 5545 calendars with ical4j: one VEVENT per meeting, its start and end in the meeting's
 * own time zone, and the VTIMEZONE of each zone used (under the meeting's own id, also for a linked zone such as
 * Europe/Oslo), so that Outlook, Google and Apple calendars agree.
 */
@Singleton
class MeetingCalendar {

    private static final String PRODUCT = "-//Koopera//Network meetings//EN";
    private static final String UID_DOMAIN = "@meetings.koopera.eu";

    private final CalendarZones zones;

    MeetingCalendar(CalendarZones zones) {
        this.zones = zones;
    }

    /** Whether ical4j knows the zone, so that a VTIMEZONE can be written for it. */
    boolean knows(String zoneId) {
        return zones.knows(zoneId);
    }

    /** The calendar text of {@code meetings}, titles in {@code language} where given. */
    String render(List<MeetingResponse> meetings, @Nullable String language, @Nullable String name) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        if (name != null) {
            calendar.add(new XProperty("X-WR-CALNAME", name));
        }
        Set<String> zoneIds = meetings.stream().map(MeetingResponse::timeZone)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        for (String zoneId : zoneIds) {
            calendar.add(zones.vTimeZone(zoneId));
        }
        Instant now = Instant.now();
        for (MeetingResponse meeting : meetings) {
            calendar.add(event(meeting, language, now));
        }
        return CalendarZones.text(calendar);
    }

    private static VEvent event(MeetingResponse meeting, @Nullable String language, Instant now) {
        ZoneId zone = ZoneId.of(meeting.timeZone());
        ZonedDateTime start = meeting.startsAt().atZone(zone);
        ZonedDateTime end = meeting.endsAt().atZone(zone);
        VEvent event = new VEvent(start, end, meeting.title().in(language));
        event.replace(new DtStamp(now));
        event.add(new Uid(meeting.id() + UID_DOMAIN));
        event.add(new Sequence((int) Math.min(Integer.MAX_VALUE, meeting.version())));
        event.add(new LastModified(meeting.updatedAt()));
        if (meeting.place() != null) {
            event.add(new Location(meeting.place()));
        }
        if (meeting.onlineUrl() != null) {
            event.add(new Url(URI.create(meeting.onlineUrl())));
        }
        String description = description(meeting);
        if (!description.isEmpty()) {
            event.add(new Description(description));
        }
        return event;
    }

    /** The agenda, then the online link (which many clients show only from the description). */
    private static String description(MeetingResponse meeting) {
        StringBuilder text = new StringBuilder();
        if (meeting.agenda() != null) {
            text.append(meeting.agenda());
        }
        if (meeting.onlineUrl() != null) {
            text.append(text.isEmpty() ? "" : "\n\n").append(meeting.onlineUrl());
        }
        return text.toString();
    }
}
