package eu.koopera.networks.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import eu.koopera.networks.LocalizedText;
import eu.koopera.networks.MeetingCommand;
import eu.koopera.networks.MeetingKind;
import eu.koopera.networks.MeetingResponse;
import eu.koopera.networks.MeetingService;
import eu.koopera.networks.NetworkResponse;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.Fields;

import eu.koopera.ui.forms.TimeZoneField;
import eu.koopera.ui.i18n.ComponentTexts;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Plans or edits a meeting: kind, title in lv/lt/en, start and end as local date-times in the meeting's time zone
 * (Riga, Vilnius, Tallinn or any IANA zone typed in), place, online link, agenda, minutes and recording links (one
 * a line). A stale version is refused by the service and told to the user.
 */
class MeetingDialog extends Dialog {

    /** The zones offered first; any other IANA id may be typed. */
    static final List<String> ZONES = List.of("Europe/Riga", "Europe/Vilnius", "Europe/Tallinn");

    private final NetworkResponse network;
    private final MeetingResponse meeting;
    private final MeetingService meetings;
    private final Consumer<MeetingResponse> onSaved;
    private final Select<MeetingKind> kind = new Select<>();
    private final TextField titleLv = new TextField();
    private final TextField titleLt = new TextField();
    private final TextField titleEn = new TextField();
    private final DateTimePicker startsAt = new DateTimePicker();
    private final DateTimePicker endsAt = new DateTimePicker();
    private final TimeZoneField timeZone = new TimeZoneField(ZONES);
    private final TextField place = new TextField();
    private final TextField onlineUrl = new TextField();
    private final TextArea agenda = new TextArea();
    private final TextArea minutes = new TextArea();
    private final TextArea recordings = new TextArea();

    MeetingDialog(NetworkResponse network, MeetingResponse meeting, MeetingService meetings,
                  Consumer<MeetingResponse> onSaved) {
        this.network = network;
        this.meeting = meeting;
        this.meetings = meetings;
        this.onSaved = onSaved;
        setHeaderTitle(getTranslation(meeting == null ? "network.meeting.create" : "network.meeting.edit"));
        setWidth("min(56rem, 100vw)");
        setId("meeting-dialog");

        kind.setLabel(getTranslation("network.meeting.kind"));
        kind.setId("meeting-kind");
        kind.setItems(MeetingKind.values());
        kind.setItemLabelGenerator(value -> getTranslation("network.meeting.kind." + value));
        kind.setValue(MeetingKind.NETWORK_MEETING);
        label(titleLv, "network.meeting.title.lv", "meeting-title-lv");
        label(titleLt, "network.meeting.title.lt", "meeting-title-lt");
        label(titleEn, "network.meeting.title.en", "meeting-title-en");
        titleLv.setHelperText(getTranslation("network.meeting.title.help"));
        startsAt.setLabel(getTranslation("network.meeting.startsAt"));
        startsAt.setId("meeting-starts-at");
        ComponentTexts.localize(startsAt);
        startsAt.setRequiredIndicatorVisible(true);
        startsAt.setErrorMessage(getTranslation("validation.required"));
        startsAt.setStep(java.time.Duration.ofMinutes(15));
        endsAt.setLabel(getTranslation("network.meeting.endsAt"));
        endsAt.setId("meeting-ends-at");
        ComponentTexts.localize(endsAt);
        endsAt.setRequiredIndicatorVisible(true);
        endsAt.setStep(java.time.Duration.ofMinutes(15));
        timeZone.setLabel(getTranslation("network.meeting.timeZone"));
        timeZone.setId("meeting-time-zone");
        timeZone.setHelperText(getTranslation("network.meeting.timeZone.help"));
        timeZone.setErrorMessage(getTranslation("network.invalid.timeZone"));
        label(place, "network.meeting.place", "meeting-place");
        label(onlineUrl, "network.meeting.onlineUrl", "meeting-online-url");
        onlineUrl.setHelperText(getTranslation("network.meeting.placeOrLink"));
        area(agenda, "network.meeting.agenda", "meeting-agenda");
        area(minutes, "network.meeting.minutes", "meeting-minutes");
        area(recordings, "network.meeting.recordings", "meeting-recordings");
        recordings.setHelperText(getTranslation("network.meeting.recordings.help"));

        if (meeting == null) {
            timeZone.setValue("lt".equals(getLocale().getLanguage()) ? "Europe/Vilnius" : "Europe/Riga");
            startsAt.setValue(LocalDate.now().plusDays(7).atTime(LocalTime.of(10, 0)));
            endsAt.setValue(LocalDate.now().plusDays(7).atTime(LocalTime.of(12, 0)));
        } else {
            kind.setValue(meeting.kind());
            titleLv.setValue(Fields.nullToEmpty(meeting.title().lv()));
            titleLt.setValue(Fields.nullToEmpty(meeting.title().lt()));
            titleEn.setValue(Fields.nullToEmpty(meeting.title().en()));
            startsAt.setValue(meeting.startsAt());
            endsAt.setValue(meeting.endsAt());
            timeZone.choose(meeting.timeZone());
            place.setValue(Fields.nullToEmpty(meeting.place()));
            onlineUrl.setValue(Fields.nullToEmpty(meeting.onlineUrl()));
            agenda.setValue(Fields.nullToEmpty(meeting.agenda()));
            minutes.setValue(Fields.nullToEmpty(meeting.minutes()));
            recordings.setValue(String.join("\n", meeting.recordings()));
        }

        FormLayout form = new FormLayout(kind, timeZone, titleLv, titleLt, titleEn, startsAt, endsAt, place,
                onlineUrl, agenda, minutes, recordings);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2));
        form.setColspan(titleEn, 2);
        form.setColspan(agenda, 2);
        form.setColspan(minutes, 2);
        form.setColspan(recordings, 2);
        add(form);
        Button save = new Button(getTranslation("common.save"), click -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-meeting");
        getFooter().add(new Button(getTranslation("common.cancel"), click -> close()), save);
    }

    private void save() {
        boolean valid = true;
        boolean untitled = titleLv.getValue().isBlank() && titleLt.getValue().isBlank()
                && titleEn.getValue().isBlank();
        titleLv.setErrorMessage(getTranslation("network.invalid.title"));
        titleLv.setInvalid(untitled);
        startsAt.setInvalid(startsAt.getValue() == null);
        endsAt.setErrorMessage(getTranslation("network.invalid.endsAt"));
        endsAt.setInvalid(endsAt.getValue() == null
                || (startsAt.getValue() != null && !endsAt.getValue().isAfter(startsAt.getValue())));
        timeZone.setInvalid(!TimeZoneField.known(timeZone.getValue()));
        boolean nowhere = place.getValue().isBlank() && onlineUrl.getValue().isBlank();
        place.setErrorMessage(getTranslation("network.invalid.place"));
        place.setInvalid(nowhere);
        valid &= !untitled && !startsAt.isInvalid() && !endsAt.isInvalid() && !timeZone.isInvalid() && !nowhere;
        if (!valid) {
            return;
        }
        List<String> links = Arrays.stream(recordings.getValue().split("\\R")).map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
        MeetingCommand command = new MeetingCommand(kind.getValue(),
                new LocalizedText(Fields.blankToNull(titleLv.getValue()), Fields.blankToNull(titleLt.getValue()),
                        Fields.blankToNull(titleEn.getValue())),
                startsAt.getValue(), endsAt.getValue(), timeZone.getValue(), Fields.blankToNull(place.getValue()),
                Fields.blankToNull(onlineUrl.getValue()), Fields.blankToNull(agenda.getValue()),
                meeting == null ? null : meeting.invitedTenants(), Fields.blankToNull(minutes.getValue()), links,
                meeting == null ? null : meeting.version());
        try {
            MeetingResponse saved = meeting == null ? meetings.create(network.id(), command)
                    : meetings.update(meeting.id(), command);
            Notification.show(getTranslation("network.meeting.saved"));
            close();
            onSaved.accept(saved);
        } catch (ApiException e) {
            Refusals.notify(this, e, getTranslation("network.meeting.stale"));
        }
    }

    private void label(TextField field, String labelKey, String id) {
        field.setLabel(getTranslation(labelKey));
        field.setId(id);
        field.setWidthFull();
    }

    private void area(TextArea field, String labelKey, String id) {
        field.setLabel(getTranslation(labelKey));
        field.setId(id);
        field.setWidthFull();
    }
}
