package eu.koopera.events.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import eu.koopera.events.EventCommand;
import eu.koopera.events.EventKind;
import eu.koopera.events.EventResponse;
import eu.koopera.events.EventService;
import eu.koopera.events.EventStatus;
import eu.koopera.networks.LocalizedText;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.CommandValidation;
import eu.koopera.ui.forms.Fields;
import eu.koopera.ui.forms.TimeZoneField;
import eu.koopera.ui.i18n.ComponentTexts;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Creates or edits an event: kind, titles and descriptions in lv/lt/en, destination, start and end in the event's
 * time zone, places and the per-municipality quota, the registration window and approval, cost and funding, and
 * the offer, retention and reminder periods. The command is checked with the API's constraints first; what the
 * service refuses is told in the user's language.
 */
class EventDialog extends Dialog {

    /** The zones offered first; any other IANA id may be typed. */
    static final List<String> ZONES = List.of("Europe/Riga", "Europe/Vilnius", "Europe/Tallinn", "Europe/Oslo",
            "Europe/Warsaw", "Europe/Helsinki");

    private final EventResponse event;
    private final EventService events;
    private final CommandValidation validation;
    private final Consumer<EventResponse> onSaved;
    private final Select<EventKind> kind = new Select<>();
    private final Select<EventStatus> status = new Select<>();
    private final TextField titleLv = text("event.field.title.lv", "event-title-lv");
    private final TextField titleLt = text("event.field.title.lt", "event-title-lt");
    private final TextField titleEn = text("event.field.title.en", "event-title-en");
    private final TextArea descriptionLv = area("event.field.description.lv", "event-description-lv");
    private final TextArea descriptionLt = area("event.field.description.lt", "event-description-lt");
    private final TextArea descriptionEn = area("event.field.description.en", "event-description-en");
    private final TextField country = text("event.field.country", "event-country");
    private final TextField city = text("event.field.city", "event-city");
    private final TextField venue = text("event.field.venue", "event-venue");
    private final TextArea hosts = area("event.field.hosts", "event-hosts");
    private final DateTimePicker startsAt = picker("event.field.startsAt", "event-starts-at");
    private final DateTimePicker endsAt = picker("event.field.endsAt", "event-ends-at");
    private final TimeZoneField timeZone = new TimeZoneField(ZONES);
    private final IntegerField capacity = number("event.field.capacity", "event-capacity");
    private final IntegerField memberQuota = number("event.field.memberQuota", "event-member-quota");
    private final DateTimePicker opensAt = picker("event.field.registrationOpensAt", "event-registration-opens");
    private final DateTimePicker closesAt = picker("event.field.registrationClosesAt", "event-registration-closes");
    private final DateTimePicker cancellationClosesAt = picker("event.field.cancellationClosesAt",
            "event-cancellation-closes");
    private final Checkbox approval = new Checkbox();
    private final BigDecimalField cost = new BigDecimalField();
    private final TextField currency = text("event.field.currency", "event-currency");
    private final TextField fundingCode = text("event.field.fundingCode", "event-funding-code");
    private final TextField fundingName = text("event.field.fundingName", "event-funding-name");
    private final IntegerField offerHours = number("event.field.offerHours", "event-offer-hours");
    private final IntegerField retentionDays = number("event.field.retentionDays", "event-retention-days");
    private final IntegerField reminderDays = number("event.field.reminderDays", "event-reminder-days");

    EventDialog(EventResponse event, EventService events, CommandValidation validation,
                Consumer<EventResponse> onSaved) {
        this.event = event;
        this.events = events;
        this.validation = validation;
        this.onSaved = onSaved;
        setHeaderTitle(getTranslation(event == null ? "event.create" : "event.edit"));
        setWidth("min(60rem, 100vw)");
        setId("event-dialog");

        kind.setLabel(getTranslation("event.field.kind"));
        kind.setId("event-kind");
        kind.setItems(EventKind.values());
        kind.setItemLabelGenerator(value -> getTranslation("event.kind." + value));
        status.setLabel(getTranslation("event.field.status"));
        status.setId("event-status");
        status.setItems(EventStatus.values());
        status.setItemLabelGenerator(value -> getTranslation("event.status." + value));
        titleLv.setHelperText(getTranslation("event.field.title.help"));
        country.setHelperText(getTranslation("event.field.country.help"));
        country.setMaxLength(2);
        hosts.setHelperText(getTranslation("event.field.hosts.help"));
        startsAt.setRequiredIndicatorVisible(true);
        endsAt.setRequiredIndicatorVisible(true);
        capacity.setRequiredIndicatorVisible(true);
        capacity.setMin(1);
        memberQuota.setMin(1);
        memberQuota.setHelperText(getTranslation("event.field.memberQuota.help"));
        timeZone.setLabel(getTranslation("event.field.timeZone"));
        timeZone.setId("event-time-zone");
        timeZone.setHelperText(getTranslation("event.field.timeZone.help"));
        timeZone.setErrorMessage(getTranslation("event.invalid.timeZone"));
        approval.setLabel(getTranslation("event.field.requiresApproval"));
        approval.setId("event-requires-approval");
        cost.setLabel(getTranslation("event.field.cost"));
        cost.setId("event-cost");
        offerHours.setHelperText(getTranslation("event.field.offerHours.help"));
        retentionDays.setHelperText(getTranslation("event.field.retentionDays.help"));
        reminderDays.setHelperText(getTranslation("event.field.reminderDays.help"));
        fill();

        FormLayout form = new FormLayout(kind, status, titleLv, titleLt, titleEn, descriptionLv, descriptionLt,
                descriptionEn, country, city, venue, hosts, startsAt, endsAt, timeZone, capacity, memberQuota,
                opensAt, closesAt, cancellationClosesAt, approval, cost, currency, fundingCode, fundingName,
                offerHours, retentionDays, reminderDays);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2));
        for (var wide : List.of(titleEn, descriptionLv, descriptionLt, descriptionEn, hosts, fundingName)) {
            form.setColspan(wide, 2);
        }
        add(new H3(getTranslation("event.dialog.details")), form);
        Button save = new Button(getTranslation("common.save"), click -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-event");
        getFooter().add(new Button(getTranslation("common.cancel"), click -> close()), save);
    }

    private void fill() {
        if (event == null) {
            LocalDate day = LocalDate.now().plusMonths(1);
            kind.setValue(EventKind.STUDY_VISIT);
            status.setValue(EventStatus.DRAFT);
            timeZone.choose("lt".equals(getLocale().getLanguage()) ? "Europe/Vilnius" : "Europe/Riga");
            country.setValue("lt".equals(getLocale().getLanguage()) ? "LT" : "LV");
            startsAt.setValue(day.atTime(LocalTime.of(9, 0)));
            endsAt.setValue(day.atTime(LocalTime.of(17, 0)));
            currency.setValue("EUR");
            offerHours.setValue(48);
            retentionDays.setValue(30);
            return;
        }
        kind.setValue(event.kind());
        status.setValue(event.status());
        titleLv.setValue(Fields.nullToEmpty(event.title().lv()));
        titleLt.setValue(Fields.nullToEmpty(event.title().lt()));
        titleEn.setValue(Fields.nullToEmpty(event.title().en()));
        if (event.description() != null) {
            descriptionLv.setValue(Fields.nullToEmpty(event.description().lv()));
            descriptionLt.setValue(Fields.nullToEmpty(event.description().lt()));
            descriptionEn.setValue(Fields.nullToEmpty(event.description().en()));
        }
        country.setValue(Fields.nullToEmpty(event.country()));
        city.setValue(Fields.nullToEmpty(event.city()));
        venue.setValue(Fields.nullToEmpty(event.venue()));
        hosts.setValue(String.join("\n", event.hostOrganisations()));
        startsAt.setValue(event.startsAt());
        endsAt.setValue(event.endsAt());
        timeZone.choose(event.timeZone());
        capacity.setValue(event.capacity());
        memberQuota.setValue(event.memberQuota());
        opensAt.setValue(event.registrationOpensAt());
        closesAt.setValue(event.registrationClosesAt());
        cancellationClosesAt.setValue(event.cancellationClosesAt());
        approval.setValue(event.requiresApproval());
        cost.setValue(event.costPerParticipant());
        currency.setValue(Fields.nullToEmpty(event.currency()));
        fundingCode.setValue(Fields.nullToEmpty(event.fundingProjectCode()));
        fundingName.setValue(Fields.nullToEmpty(event.fundingProjectName()));
        offerHours.setValue(event.offerHours());
        retentionDays.setValue(event.retentionDays());
        reminderDays.setValue(event.reminderDays());
    }

    private EventCommand command() {
        List<String> hostLines = Arrays.stream(hosts.getValue().split("\\R")).map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
        return new EventCommand(kind.getValue(),
                new LocalizedText(Fields.blankToNull(titleLv.getValue()), Fields.blankToNull(titleLt.getValue()),
                        Fields.blankToNull(titleEn.getValue())),
                new LocalizedText(Fields.blankToNull(descriptionLv.getValue()),
                        Fields.blankToNull(descriptionLt.getValue()), Fields.blankToNull(descriptionEn.getValue())),
                event == null ? null : event.networkId(),
                Fields.blankToNull(country.getValue()) == null ? null : country.getValue().strip().toUpperCase(),
                Fields.blankToNull(city.getValue()), Fields.blankToNull(venue.getValue()), hostLines,
                startsAt.getValue(), endsAt.getValue(), timeZone.getValue(),
                event == null ? null : event.programme(), capacity.getValue(), memberQuota.getValue(),
                event == null ? null : event.seatPool(), opensAt.getValue(), closesAt.getValue(),
                cancellationClosesAt.getValue(), approval.getValue(), cost.getValue(),
                Fields.blankToNull(currency.getValue()), Fields.blankToNull(fundingCode.getValue()),
                Fields.blankToNull(fundingName.getValue()), status.getValue(), offerHours.getValue(),
                retentionDays.getValue(), reminderDays.getValue(), event == null ? null : event.version());
    }

    private Map<String, HasValidation> fields() {
        return Map.ofEntries(Map.entry("kind", kind), Map.entry("title", titleLv), Map.entry("lv", titleLv),
                Map.entry("country", country), Map.entry("city", city), Map.entry("venue", venue),
                Map.entry("startsAt", startsAt), Map.entry("endsAt", endsAt), Map.entry("timeZone", timeZone),
                Map.entry("capacity", capacity), Map.entry("memberQuota", memberQuota),
                Map.entry("registrationOpensAt", opensAt), Map.entry("registrationClosesAt", closesAt),
                Map.entry("costPerParticipant", cost), Map.entry("currency", currency),
                Map.entry("fundingProjectCode", fundingCode), Map.entry("fundingProjectName", fundingName),
                Map.entry("offerHours", offerHours), Map.entry("retentionDays", retentionDays),
                Map.entry("reminderDays", reminderDays));
    }

    private void save() {
        EventCommand command = command();
        boolean valid = validation.check(command, fields());
        boolean untitled = command.title().lv() == null && command.title().lt() == null
                && command.title().en() == null;
        if (untitled) {
            titleLv.setErrorMessage(getTranslation("event.invalid.title"));
            titleLv.setInvalid(true);
        }
        if (startsAt.getValue() != null && endsAt.getValue() != null
                && !endsAt.getValue().isAfter(startsAt.getValue())) {
            endsAt.setErrorMessage(getTranslation("event.invalid.endsAt"));
            endsAt.setInvalid(true);
            valid = false;
        }
        if (!TimeZoneField.known(timeZone.getValue())) {
            timeZone.setInvalid(true);
            valid = false;
        }
        if (!valid || untitled) {
            return;
        }
        try {
            EventResponse saved = event == null ? events.create(command) : events.update(event.id(), command);
            Notification.show(getTranslation("event.saved"));
            close();
            onSaved.accept(saved);
        } catch (ApiException e) {
            Refusals.notify(this, e);
        }
    }

    private TextField text(String labelKey, String id) {
        TextField field = Fields.text(this, labelKey, id);
        field.setWidthFull();
        return field;
    }

    private TextArea area(String labelKey, String id) {
        TextArea field = new TextArea(getTranslation(labelKey));
        field.setId(id);
        field.setWidthFull();
        return field;
    }

    private IntegerField number(String labelKey, String id) {
        IntegerField field = new IntegerField(getTranslation(labelKey));
        field.setId(id);
        return field;
    }

    private DateTimePicker picker(String labelKey, String id) {
        DateTimePicker picker = new DateTimePicker(getTranslation(labelKey));
        picker.setId(id);
        picker.setStep(Duration.ofMinutes(15));
        ComponentTexts.localize(picker);
        return picker;
    }
}
