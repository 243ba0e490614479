package eu.koopera.members.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import eu.koopera.members.ImportResult;
import eu.koopera.members.MemberImportService;
import eu.koopera.platform.tabular.TableFormat;
import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import eu.koopera.ui.forms.BoundedUpload;
import eu.koopera.ui.forms.CommandValidation;
import eu.koopera.ui.i18n.ComponentTexts;

import java.util.List;
import java.util.Locale;

/**
 * Imports the member register from a CSV or XLSX file in three steps: upload, dry run (a preview of what would
 * change, or every invalid cell), and the import itself. Nothing is written before the last step, and the service
 * writes nothing there either if any row is invalid.
 */
class MemberImportWizard extends VerticalLayout {

    private static final int MAX_BYTES = 5 * 1024 * 1024;

    private final MemberImportService imports;
    private final Runnable onImported;
    private final Paragraph fileName = new Paragraph();
    private final Paragraph outcome = new Paragraph();
    private final Grid<Problem.FieldError> errors = new Grid<>(Problem.FieldError.class, false);
    private final Button check = new Button();
    private final Button runImport = new Button();
    private byte[] content;
    private TableFormat format;

    MemberImportWizard(MemberImportService imports, Runnable onImported) {
        this.imports = imports;
        this.onImported = onImported;
        setPadding(false);

        Upload upload = new Upload(new BoundedUpload(MAX_BYTES, this::accept, () -> Notification.show(
                getTranslation("upload.tooLarge", MAX_BYTES / (1024 * 1024)))));
        upload.setId("import-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_BYTES);
        upload.setAcceptedFileTypes(".csv", ".xlsx", TableFormat.CSV.mediaType(), TableFormat.XLSX.mediaType());
        ComponentTexts.localize(upload);

        check.setText(getTranslation("import.check"));
        check.setId("import-check");
        check.setEnabled(false);
        check.addClickListener(click -> dryRun());
        runImport.setText(getTranslation("import.run"));
        runImport.setId("import-run");
        runImport.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        runImport.setEnabled(false);
        runImport.addClickListener(click -> importForReal());

        fileName.setId("import-file");
        outcome.setId("import-outcome");
        errors.setId("import-errors");
        errors.addColumn(Problem.FieldError::row).setHeader(getTranslation("import.errors.row")).setAutoWidth(true)
                .setFlexGrow(0);
        errors.addColumn(Problem.FieldError::column).setHeader(getTranslation("import.errors.column"))
                .setAutoWidth(true).setFlexGrow(0);
        errors.addColumn(error -> CommandValidation.cellMessage(this, error))
                .setHeader(getTranslation("import.errors.message"))
                .setFlexGrow(1);
        errors.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        errors.setAllRowsVisible(true);
        errors.setVisible(false);

        add(new H2(getTranslation("import.step.upload")),
                new Paragraph(getTranslation("import.columns", String.join(", ", MemberImportService.COLUMNS))),
                new Paragraph(getTranslation("import.columns.help")),
                upload, fileName,
                new H2(getTranslation("import.step.check")), check, outcome, errors,
                new H2(getTranslation("import.step.import")), new HorizontalLayout(runImport));
    }

    /** Keeps an uploaded file for the next steps; a new file discards the previous one's check. */
    void accept(String name, byte[] bytes) {
        String lower = name.toLowerCase(Locale.ROOT);
        format = lower.endsWith(".xlsx") ? TableFormat.XLSX : lower.endsWith(".csv") ? TableFormat.CSV : null;
        content = format == null ? null : bytes;
        fileName.setText(format == null ? getTranslation("import.file.unsupported", name)
                : getTranslation("import.file", name));
        check.setEnabled(format != null);
        runImport.setEnabled(false);
        outcome.setText("");
        errors.setVisible(false);
    }

    private void dryRun() {
        try {
            ImportResult result = imports.importFile(content, format, true);
            outcome.setText(getTranslation("import.preview", result.created(), result.updated()));
            errors.setVisible(false);
            runImport.setEnabled(true);
        } catch (ApiException.Unprocessable e) {
            showErrors(e);
        } catch (ApiException e) {
            CommandValidation.notifyError(this, e);
        }
    }

    private void importForReal() {
        try {
            ImportResult result = imports.importFile(content, format, false);
            outcome.setText(getTranslation("import.done", result.created(), result.updated()));
            Notification.show(getTranslation("import.done", result.created(), result.updated()));
            runImport.setEnabled(false);
            onImported.run();
        } catch (ApiException.Unprocessable e) {
            showErrors(e);
        } catch (ApiException e) {
            CommandValidation.notifyError(this, e);
        }
    }

    private void showErrors(ApiException.Unprocessable problem) {
        List<Problem.FieldError> cells = problem.errors();
        outcome.setText(cells.isEmpty() ? CommandValidation.refusal(this, problem)
                : getTranslation("import.errors", cells.size()));
        errors.setItems(cells);
        errors.setVisible(!cells.isEmpty());
        runImport.setEnabled(false);
    }
}
