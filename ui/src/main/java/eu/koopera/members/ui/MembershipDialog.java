package eu.koopera.members.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import eu.koopera.members.MemberResponse;
import eu.koopera.members.MemberService;
import eu.koopera.members.MembershipChange;
import eu.koopera.members.MembershipStatus;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.CommandValidation;
import eu.koopera.ui.i18n.ComponentTexts;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * Moves a member to another membership status: only the statuses its current one may become are offered, with the
 * day it takes effect and the reason, both kept in the membership history.
 */
class MembershipDialog extends Dialog {

    private static final int NOTE_MAX = 500;

    private final Select<MembershipStatus> status = new Select<>();
    private final DatePicker effectiveOn = new DatePicker();
    private final TextArea note = new TextArea();

    MembershipDialog(MemberResponse member, MemberService members, Runnable onChanged) {
        setHeaderTitle(getTranslation("membership.change.title", member.name()));
        status.setId("membership-status");
        status.setLabel(getTranslation("membership.change.status"));
        status.setItems(Arrays.stream(MembershipStatus.values())
                .filter(candidate -> member.membershipStatus().mayBecome(candidate)).toList());
        status.setItemLabelGenerator(candidate -> getTranslation("members.status." + candidate));
        status.setRequiredIndicatorVisible(true);
        effectiveOn.setId("membership-effective");
        effectiveOn.setLabel(getTranslation("membership.change.effectiveOn"));
        effectiveOn.setValue(LocalDate.now());
        effectiveOn.setRequiredIndicatorVisible(true);
        ComponentTexts.localize(effectiveOn);
        note.setId("membership-note");
        note.setLabel(getTranslation("membership.change.note"));
        note.setMaxLength(NOTE_MAX);
        note.setRequiredIndicatorVisible(true);
        note.setHelperText(getTranslation("membership.change.noteHelp"));
        FormLayout form = new FormLayout(status, effectiveOn, note);
        form.setColspan(note, 2);
        add(form);

        Button save = new Button(getTranslation("common.save"), click -> {
            if (!valid()) {
                return;
            }
            try {
                members.changeMembership(member.id(), new MembershipChange(status.getValue(),
                        effectiveOn.getValue(), note.getValue().strip()));
                Notification.show(getTranslation("membership.change.saved", member.name(),
                        getTranslation("members.status." + status.getValue())));
                close();
                onChanged.run();
            } catch (ApiException problem) {
                CommandValidation.notifyError(this, problem);
            }
        });
        save.setId("membership-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("common.cancel"), click -> close());
        getFooter().add(cancel, save);
    }

    private boolean valid() {
        status.setInvalid(status.getValue() == null);
        status.setErrorMessage(getTranslation("membership.change.statusRequired"));
        effectiveOn.setInvalid(effectiveOn.getValue() == null);
        effectiveOn.setErrorMessage(getTranslation("membership.change.dateRequired"));
        note.setInvalid(note.getValue().isBlank());
        note.setErrorMessage(getTranslation("membership.change.noteRequired"));
        return !status.isInvalid() && !effectiveOn.isInvalid() && !note.isInvalid();
    }
}
