package eu.koopera.benchlearning.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import eu.koopera.benchlearning.ValueFormat;
import eu.koopera.benchlearning.ValueImportResult;
import eu.koopera.benchlearning.ValueImportService;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.tabular.TableFormat;
import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import eu.koopera.ui.forms.CommandValidation;
import eu.koopera.ui.i18n.ComponentTexts;
import eu.koopera.ui.layout.MainLayout;
import eu.koopera.ui.session.AllowedRoles;
import io.micronaut.context.annotation.Prototype;

import java.util.List;
import java.util.Locale;

/**
 * Imports indicator values from CSV or XLSX in the members import's three steps: upload (long or wide layout), a
 * dry run that shows what would change or every wrong cell in the user's language, then the import, all or nothing.
 */
@Menu(title = "nav.benchImport", order = 47, icon = "vaadin:upload")
@Route(value = "benchlearning/import", layout = MainLayout.class)
@AllowedRoles({Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR})
@Prototype
public class ValueImportView extends VerticalLayout implements HasDynamicTitle {

    private static final int MAX_BYTES = 20 * 1024 * 1024;

    private final ValueImportService imports;
    private final Select<ValueFormat> layout = new Select<>();
    private final Paragraph fileName = new Paragraph();
    private final Paragraph outcome = new Paragraph();
    private final Grid<Problem.FieldError> errors = new Grid<>(Problem.FieldError.class, false);
    private final Button check = new Button();
    private final Button runImport = new Button();
    private byte[] content;
    private TableFormat format;

    public ValueImportView(ValueImportService imports) {
        this.imports = imports;
        layout.setLabel(getTranslation("bench.import.layout"));
        layout.setId("values-layout");
        layout.setItems(ValueFormat.values());
        layout.setItemLabelGenerator(value -> getTranslation("bench.import.layout." + value));
        layout.setValue(ValueFormat.LONG);
        layout.addValueChangeListener(e -> runImport.setEnabled(false));
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> accept(metadata.fileName(), bytes)));
        upload.setId("import-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_BYTES);
        upload.setAcceptedFileTypes(".csv", ".xlsx", TableFormat.CSV.mediaType(), TableFormat.XLSX.mediaType());
        ComponentTexts.localize(upload);
        check.setText(getTranslation("import.check"));
        check.setId("import-check");
        check.setEnabled(false);
        check.addClickListener(click -> run(true));
        runImport.setText(getTranslation("import.run"));
        runImport.setId("import-run");
        runImport.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        runImport.setEnabled(false);
        runImport.addClickListener(click -> run(false));
        fileName.setId("import-file");
        outcome.setId("import-outcome");
        errors.setId("import-errors");
        errors.addColumn(Problem.FieldError::row).setHeader(getTranslation("import.errors.row")).setAutoWidth(true)
                .setFlexGrow(0);
        errors.addColumn(Problem.FieldError::column).setHeader(getTranslation("import.errors.column"))
                .setAutoWidth(true).setFlexGrow(0);
        errors.addColumn(error -> CommandValidation.cellMessage(this, error))
                .setHeader(getTranslation("import.errors.message")).setFlexGrow(1);
        errors.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        errors.setAllRowsVisible(true);
        errors.setVisible(false);
        add(new H1(getTranslation("bench.import.title")), new H2(getTranslation("import.step.upload")), layout,
                new Paragraph(getTranslation("bench.import.help")), upload, fileName,
                new H2(getTranslation("import.step.check")), check, outcome, errors,
                new H2(getTranslation("import.step.import")), runImport);
    }

    private void accept(String name, byte[] bytes) {
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

    private void run(boolean dryRun) {
        try {
            ValueImportResult result = imports.importFile(content, format, layout.getValue(), dryRun);
            String text = getTranslation(dryRun ? "import.preview" : "import.done", result.created(),
                    result.updated());
            outcome.setText(text);
            errors.setVisible(false);
            runImport.setEnabled(dryRun);
            if (!dryRun) {
                Notification.show(text);
            }
        } catch (ApiException.Unprocessable e) {
            List<Problem.FieldError> cells = e.errors();
            outcome.setText(cells.isEmpty() ? getTranslation("error.invalid")
                    : getTranslation("import.errors", cells.size()));
            errors.setItems(cells);
            errors.setVisible(!cells.isEmpty());
            runImport.setEnabled(false);
        } catch (ApiException e) {
            CommandValidation.notifyError(this, e);
        }
    }


    @Override
    public String getPageTitle() {
        return getTranslation("bench.import.title") + " · Koopera";
    }
}
