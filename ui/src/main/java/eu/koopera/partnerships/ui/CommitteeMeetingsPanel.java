package eu.koopera.partnerships.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import eu.koopera.partnerships.CommitteeMeeting;
import eu.koopera.partnerships.CommitteeMeetingCommand;
import eu.koopera.partnerships.CommitteeMeetingService;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.CommandValidation;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.UUID;

/**
 * The meetings of a twinning committee for the agreement page: each with a calendar file to download, and for the
 * owner's staff a form to plan one more. Meeting times are in the meeting's own time zone.
 */
public class CommitteeMeetingsPanel extends Div {

    private final UUID agreementId;
    private final CommitteeMeetingService meetings;
    private final Grid<CommitteeMeeting> list = new Grid<>(CommitteeMeeting.class, false);
    private final TextField title = new TextField();
    private final DateTimePicker startsAt = new DateTimePicker();
    private final DateTimePicker endsAt = new DateTimePicker();
    private final TextField timeZone = new TextField();
    private final TextField place = new TextField();
    private final TextArea agenda = new TextArea();

    /**
     * @param agreementId a twinning
     * @param meetings    the service that checks access and reads and stores meetings
     * @param editable    whether the reader may plan meetings (the owner's administrators and coordinators)
     */
    public CommitteeMeetingsPanel(UUID agreementId, CommitteeMeetingService meetings, boolean editable) {
        this.agreementId = agreementId;
        this.meetings = meetings;
        setId("committee-meetings");
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale());
        list.setId("committee-meeting-list");
        list.addColumn(CommitteeMeeting::title).setKey("title").setHeader(getTranslation("committeeMeetings.title"))
                .setFlexGrow(2);
        list.addColumn(m -> format.format(m.startsAt()) + " (" + m.timeZone() + ")").setKey("when")
                .setHeader(getTranslation("committeeMeetings.when")).setAutoWidth(true);
        list.addColumn(CommitteeMeeting::place).setKey("place").setHeader(getTranslation("committeeMeetings.place"))
                .setFlexGrow(1);
        list.addComponentColumn(this::calendarLink).setKey("calendar")
                .setHeader(getTranslation("committeeMeetings.calendar")).setAutoWidth(true);
        list.setAllRowsVisible(true);
        add(new H2(getTranslation("committeeMeetings.heading")), list);
        if (editable) {
            title.setLabel(getTranslation("committeeMeetings.title"));
            title.setId("committee-meeting-title");
            startsAt.setLabel(getTranslation("committeeMeetings.startsAt"));
            startsAt.setId("committee-meeting-starts");
            endsAt.setLabel(getTranslation("committeeMeetings.endsAt"));
            endsAt.setId("committee-meeting-ends");
            timeZone.setLabel(getTranslation("committeeMeetings.timeZone"));
            timeZone.setId("committee-meeting-zone");
            timeZone.setValue("Europe/Riga");
            place.setLabel(getTranslation("committeeMeetings.place"));
            place.setId("committee-meeting-place");
            agenda.setLabel(getTranslation("committeeMeetings.agenda"));
            agenda.setId("committee-meeting-agenda");
            Button plan = new Button(getTranslation("committeeMeetings.plan"), click -> plan());
            plan.setId("committee-meeting-plan");
            HorizontalLayout when = new HorizontalLayout(startsAt, endsAt, timeZone);
            when.setWrap(true);
            add(title, when, place, agenda, plan);
        }
        refresh();
    }

    private void refresh() {
        list.setItems(meetings.list(agreementId));
    }

    private void plan() {
        if (title.isEmpty() || startsAt.isEmpty() || endsAt.isEmpty() || place.isEmpty() || timeZone.isEmpty()) {
            Notification.show(getTranslation("committeeMeetings.incomplete"));
            return;
        }
        try {
            CommitteeMeeting planned = meetings.add(agreementId, new CommitteeMeetingCommand(title.getValue(),
                    startsAt.getValue(), endsAt.getValue(), timeZone.getValue(), place.getValue(),
                    agenda.getValue()));
            Notification.show(getTranslation("committeeMeetings.planned", planned.title()));
            title.clear();
            agenda.clear();
            refresh();
        } catch (ApiException e) {
            CommandValidation.notifyError(this, e);
        }
    }

    private Anchor calendarLink(CommitteeMeeting meeting) {
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
            try {
                byte[] text = meetings.calendar(agreementId, meeting.id()).getBytes(StandardCharsets.UTF_8);
                return new DownloadResponse(new ByteArrayInputStream(text), "meeting-" + meeting.id() + ".ics",
                        "text/calendar", text.length);
            } catch (ApiException.NotFound e) {
                return DownloadResponse.error(404);
            }
        }), getTranslation("committeeMeetings.ics"));
        link.setId("committee-meeting-ics-" + meeting.id());
        return link;
    }
}
