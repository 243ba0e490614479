package eu.koopera.ui.i18n;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Puts the UI's language into the texts Vaadin's components carry inside (month and day names of the date picker,
 * the upload box's buttons and errors, confirm dialogs), which otherwise stay English. Weeks start on Monday, as
 * in Latvia and Lithuania (and in the English UI, which serves European users). Month and day names come from the
 * JDK's CLDR data; the rest from Koopera's bundles.
 */
public final class ComponentTexts {

    private ComponentTexts() {
    }

    /** The date picker in the UI's language, its dates in the UI's format. */
    public static <T extends DatePicker> T localize(T picker) {
        picker.setLocale(picker.getLocale());
        picker.setI18n(datePicker(picker));
        return picker;
    }

    /** The date-time picker's date part in the UI's language. */
    public static DateTimePicker localize(DateTimePicker picker) {
        picker.setLocale(locale(picker));
        picker.setDatePickerI18n(datePicker(picker));
        return picker;
    }

    /** The upload box in the UI's language. */
    public static Upload localize(Upload upload) {
        UploadI18N texts = new UploadI18N();
        texts.setDropFiles(new UploadI18N.DropFiles().setOne(t(upload, "upload.drop.one"))
                .setMany(t(upload, "upload.drop.many")));
        texts.setAddFiles(new UploadI18N.AddFiles().setOne(t(upload, "upload.add.one"))
                .setMany(t(upload, "upload.add.many")));
        texts.setFile(new UploadI18N.File().setRetry(t(upload, "upload.file.retry"))
                .setStart(t(upload, "upload.file.start")).setRemove(t(upload, "upload.file.remove")));
        texts.setError(new UploadI18N.Error().setTooManyFiles(t(upload, "upload.error.tooMany"))
                .setFileIsTooBig(t(upload, "upload.error.tooBig"))
                .setIncorrectFileType(t(upload, "upload.error.type")));
        texts.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(t(upload, "upload.status.connecting"))
                        .setStalled(t(upload, "upload.status.stalled"))
                        .setProcessing(t(upload, "upload.status.processing"))
                        .setHeld(t(upload, "upload.status.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(t(upload, "upload.remaining")).setUnknown(t(upload, "upload.remaining.unknown")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(t(upload, "upload.failed.unavailable"))
                        .setUnexpectedServerError(t(upload, "upload.failed.unexpected"))
                        .setForbidden(t(upload, "upload.failed.forbidden"))
                        .setFileTooLarge(t(upload, "upload.error.tooBig"))));
        texts.setUnits(List.of("B", "kB", "MB", "GB", "TB"));
        upload.setI18n(texts);
        return upload;
    }

    /**
     * A confirmation of something that cannot be undone: the dangerous button is red and the focus starts on
     * "Cancel", so that Enter pressed by habit cancels instead of deleting.
     */
    public static ConfirmDialog dangerousConfirm(Component owner, String header, String text, String confirmText) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(header);
        confirm.setText(text);
        Button cancel = new Button(t(owner, "common.cancel"), click -> confirm.close());
        cancel.setId("confirm-cancel");
        confirm.setCancelable(true);
        confirm.setCancelButton(cancel);
        confirm.setConfirmText(confirmText);
        confirm.setConfirmButtonTheme("error primary");
        confirm.addOpenedChangeListener(opened -> {
            if (opened.isOpened()) {
                cancel.focus();
            }
        });
        return confirm;
    }

    static DatePicker.DatePickerI18n datePicker(Component owner) {
        Locale locale = KooperaI18n.supported(locale(owner));
        DatePicker.DatePickerI18n texts = new DatePicker.DatePickerI18n();
        texts.setMonthNames(Arrays.stream(Month.values()).map(month -> capitalised(
                month.getDisplayName(TextStyle.FULL_STANDALONE, locale), locale)).toList());
        List<DayOfWeek> sundayFirst = List.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);
        texts.setWeekdays(sundayFirst.stream().map(day -> capitalised(day.getDisplayName(TextStyle.FULL_STANDALONE,
                locale), locale)).toList());
        texts.setWeekdaysShort(sundayFirst.stream().map(day -> capitalised(day.getDisplayName(
                TextStyle.SHORT_STANDALONE, locale), locale)).toList());
        texts.setFirstDayOfWeek(1);
        texts.setToday(t(owner, "datepicker.today"));
        texts.setCancel(t(owner, "common.cancel"));
        texts.setBadInputErrorMessage(t(owner, "datepicker.badInput"));
        return texts;
    }

    private static Locale locale(Component owner) {
        UI ui = owner.getUI().orElseGet(UI::getCurrent);
        return ui == null ? Locale.ENGLISH : ui.getLocale();
    }

    private static String capitalised(String name, Locale locale) {
        return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    private static String t(Component owner, String key) {
        return owner.getTranslation(key);
    }
}
