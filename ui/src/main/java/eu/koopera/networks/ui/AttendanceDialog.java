package eu.koopera.networks.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import eu.koopera.networks.AttendanceCommand;
import eu.koopera.networks.Attendee;
import eu.koopera.networks.MeetingResponse;
import eu.koopera.networks.MeetingService;
import eu.koopera.networks.ParticipantResponse;
import eu.koopera.platform.web.ApiException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Records which participating municipalities attended a meeting, as a checklist; people recorded by name without
 * a municipality (through the API) are kept. A stale version is refused by the service and told to the user.
 */
class AttendanceDialog extends Dialog {

    private final MeetingResponse meeting;
    private final MeetingService meetings;
    private final Consumer<MeetingResponse> onSaved;
    private final CheckboxGroup<ParticipantResponse> present = new CheckboxGroup<>();

    AttendanceDialog(MeetingResponse meeting, List<ParticipantResponse> participants, MeetingService meetings,
                     Consumer<MeetingResponse> onSaved) {
        this.meeting = meeting;
        this.meetings = meetings;
        this.onSaved = onSaved;
        setHeaderTitle(getTranslation("network.meeting.recordAttendance"));
        setId("attendance-dialog");
        setWidth("min(36rem, 100vw)");
        present.setLabel(getTranslation("network.meeting.attendance.municipalities"));
        present.setId("attendance-municipalities");
        present.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        present.setItems(participants);
        present.setItemLabelGenerator(p -> p.memberName() + " (" + p.tenant() + ")");
        present.setValue(participants.stream().filter(p -> meeting.attendance().stream().anyMatch(a ->
                a.tenant().equals(p.tenant()) && Objects.equals(a.memberId(), p.memberId())))
                .collect(java.util.stream.Collectors.toSet()));
        add(present);
        Button save = new Button(getTranslation("common.save"), click -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-attendance");
        getFooter().add(new Button(getTranslation("common.cancel"), click -> close()), save);
    }

    private void save() {
        List<Attendee> attendees = new ArrayList<>(meeting.attendance().stream().filter(MeetingsTab::named)
                .toList());
        present.getValue().stream()
                .sorted(java.util.Comparator.comparing(ParticipantResponse::tenant)
                        .thenComparing(ParticipantResponse::memberName))
                .forEach(p -> attendees.add(new Attendee(p.tenant(), p.memberId(), null)));
        try {
            MeetingResponse saved = meetings.recordAttendance(meeting.id(),
                    new AttendanceCommand(attendees, meeting.version()));
            Notification.show(getTranslation("network.meeting.attendance.saved"));
            close();
            onSaved.accept(saved);
        } catch (ApiException e) {
            Refusals.notify(this, e, getTranslation("network.meeting.stale"));
        }
    }
}
