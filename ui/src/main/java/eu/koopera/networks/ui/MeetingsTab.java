package eu.koopera.networks.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import eu.koopera.networks.Attendee;
import eu.koopera.networks.CalendarFile;
import eu.koopera.networks.MeetingResponse;
import eu.koopera.networks.MeetingService;
import eu.koopera.networks.NetworkResponse;
import eu.koopera.networks.ParticipationService;
import eu.koopera.platform.web.ApiException;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.UUID;

/**
 * The network's meetings, earliest first: kind, title in the reader's language, start and end in the meeting's own
 * time zone (named), place or online link, agenda, attendance, minutes and recordings. Everyone taking part
 * downloads a meeting as a calendar file, asked from the service on every click; the network's managers plan,
 * edit and record attendance.
 */
class MeetingsTab extends VerticalLayout {

    private final NetworkResponse network;
    private final MeetingService meetings;
    private final ParticipationService participation;
    private final NetworkView.Access access;
    private final Div list = new Div();

    MeetingsTab(NetworkResponse network, MeetingService meetings, ParticipationService participation,
                NetworkView.Access access) {
        this.network = network;
        this.meetings = meetings;
        this.participation = participation;
        this.access = access;
        setPadding(false);
        Button create = new Button(getTranslation("network.meeting.create"), VaadinIcon.PLUS.create(),
                click -> new MeetingDialog(network, null, meetings, saved -> refresh()).open());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("create-meeting");
        create.setVisible(access.manages());
        list.setId("meetings");
        list.setWidthFull();
        add(create, list);
        refresh();
    }

    private void refresh() {
        list.removeAll();
        var all = meetings.list(network.id());
        if (all.isEmpty()) {
            list.add(new Paragraph(getTranslation("network.meeting.none")));
        }
        all.forEach(meeting -> list.add(card(meeting)));
    }

    private Component card(MeetingResponse meeting) {
        Span kind = new Span(getTranslation("network.meeting.kind." + meeting.kind()));
        kind.getElement().getThemeList().add("badge small");
        kind.addClassName("meeting-kind");
        Div card = new Div(kind, new H3(NetworksView.inLanguage(meeting.title(), getLocale())));
        card.addClassName("koopera-card");
        card.setId("meeting-" + meeting.id());
        Paragraph when = new Paragraph(when(getLocale(), meeting));
        when.addClassName("meeting-when");
        card.add(when);
        if (meeting.place() != null) {
            card.add(line("network.meeting.place", meeting.place()));
        }
        if (meeting.onlineUrl() != null) {
            Anchor online = new Anchor(meeting.onlineUrl(), meeting.onlineUrl());
            online.setTarget("_blank");
            online.getElement().setAttribute("rel", "noopener noreferrer");
            online.addClassName("meeting-online");
            card.add(new Paragraph(new Span(getTranslation("network.meeting.onlineUrl") + ": "), online));
        }
        if (meeting.agenda() != null) {
            card.add(new Paragraph(getTranslation("network.meeting.agenda")), text(meeting.agenda()));
        }
        if (!meeting.attendance().isEmpty()) {
            UnorderedList attendees = new UnorderedList();
            meeting.attendance().forEach(a -> attendees.add(new ListItem(a.name() + " (" + a.tenant() + ")")));
            attendees.addClassName("meeting-attendance");
            card.add(new Paragraph(getTranslation("network.meeting.attendance")), attendees);
        }
        if (meeting.minutes() != null) {
            card.add(new Paragraph(getTranslation("network.meeting.minutes")), text(meeting.minutes()));
        }
        if (!meeting.recordings().isEmpty()) {
            UnorderedList recordings = new UnorderedList();
            meeting.recordings().forEach(link -> {
                Anchor anchor = new Anchor(link, link);
                anchor.setTarget("_blank");
                anchor.getElement().setAttribute("rel", "noopener noreferrer");
                anchor.addClassName("meeting-recording");
                recordings.add(new ListItem(anchor));
            });
            card.add(new Paragraph(getTranslation("network.meeting.recordings")), recordings);
        }
        Anchor calendar = new Anchor(calendar(meeting.id()), getTranslation("network.meeting.calendar"));
        calendar.setId("meeting-calendar-" + meeting.id());
        calendar.addClassName("meeting-calendar");
        HorizontalLayout actions = new HorizontalLayout(calendar);
        actions.setDefaultVerticalComponentAlignment(Alignment.CENTER);
        if (access.manages()) {
            Button edit = new Button(getTranslation("common.edit"), VaadinIcon.EDIT.create(),
                    click -> new MeetingDialog(network, meetings.get(meeting.id()), meetings, saved -> refresh())
                            .open());
            edit.setId("edit-meeting-" + meeting.id());
            edit.addClassName("edit-meeting");
            Button attendance = new Button(getTranslation("network.meeting.recordAttendance"),
                    VaadinIcon.CHECK_SQUARE_O.create(), click -> new AttendanceDialog(meetings.get(meeting.id()),
                    participation.participants(network.id()), meetings, saved -> refresh()).open());
            attendance.setId("attendance-meeting-" + meeting.id());
            attendance.addClassName("record-attendance");
            actions.add(edit, attendance);
        }
        card.add(actions);
        return card;
    }

    /** The meeting as an iCalendar attachment, asked from the service on every download. */
    private DownloadHandler calendar(UUID meetingId) {
        return DownloadHandler.fromInputStream(event -> {
            try {
                CalendarFile file = meetings.calendar(meetingId);
                byte[] content = file.content().getBytes(StandardCharsets.UTF_8);
                event.getResponse().setHeader("X-Content-Type-Options", "nosniff");
                return new DownloadResponse(new ByteArrayInputStream(content), file.filename(),
                        "text/calendar; charset=utf-8", content.length);
            } catch (ApiException.NotFound e) {
                return DownloadResponse.error(404);
            }
        });
    }

    /**
     * Start and end in the meeting's own time zone, the zone named with its offset at the start, e.g.
     * "4 May 2026, 10:00 – 13:00 (Europe/Riga, UTC+03:00)"; the end's date is repeated only when it differs.
     */
    static String when(Locale locale, MeetingResponse meeting) {
        DateTimeFormatter dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale);
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
        LocalDateTime start = meeting.startsAt();
        LocalDateTime end = meeting.endsAt();
        String offset;
        try {
            ZonedDateTime zoned = start.atZone(ZoneId.of(meeting.timeZone()));
            offset = "UTC" + (zoned.getOffset().getTotalSeconds() == 0 ? "" : zoned.getOffset().getId());
        } catch (java.time.DateTimeException e) {
            offset = "";
        }
        return dateTime.format(start) + " – "
                + (end.toLocalDate().equals(start.toLocalDate()) ? time.format(end) : dateTime.format(end))
                + " (" + meeting.timeZone() + (offset.isEmpty() ? "" : ", " + offset) + ")";
    }

    private static Pre text(String text) {
        Pre pre = new Pre(text);
        pre.getStyle().set("white-space", "pre-wrap").set("font-family", "inherit");
        return pre;
    }

    private Paragraph line(String labelKey, String value) {
        return new Paragraph(getTranslation(labelKey) + ": " + value);
    }

    /** Whether an attendee was recorded by name only; the checklist keeps them when it replaces the rest. */
    static boolean named(Attendee attendee) {
        return attendee.memberId() == null;
    }
}
