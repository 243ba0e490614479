package eu.koopera.partnerships.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import eu.koopera.partnerships.ForeignImportResult;
import eu.koopera.partnerships.ForeignMunicipalityService;
import eu.koopera.partnerships.ImportedMunicipality;
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
 * The association's foreign municipalities for partner search: the list, and an import in the members import's
 * three steps (upload, a check that shows what would change or every wrong cell, then the import, all or nothing).
 */
@Menu(title = "nav.foreignMunicipalities", order = 64, icon = "vaadin:globe")
@Route(value = "partnerships/foreign-municipalities", layout = MainLayout.class)
@AllowedRoles({Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR})
@Prototype
public class ForeignMunicipalitiesView extends VerticalLayout implements HasDynamicTitle {

    private static final int MAX_BYTES = 20 * 1024 * 1024;

    private final ForeignMunicipalityService foreign;
    private final Grid<ImportedMunicipality> list = new Grid<>(ImportedMunicipality.class, false);
    private final Paragraph fileName = new Paragraph();
    private final Paragraph outcome = new Paragraph();
    private final Grid<Problem.FieldError> errors = new Grid<>(Problem.FieldError.class, false);
    private final Button check = new Button();
    private final Button runImport = new Button();
    private byte[] content;
    private TableFormat format;

    public ForeignMunicipalitiesView(ForeignMunicipalityService foreign) {
        this.foreign = foreign;
        list.setId("foreign-municipalities");
        list.addColumn(ImportedMunicipality::name).setKey("name").setHeader(getTranslation("partnerSearch.col.name"))
                .setFlexGrow(2);
        list.addColumn(ImportedMunicipality::country).setKey("country")
                .setHeader(getTranslation("partnerSearch.col.country")).setAutoWidth(true);
        list.addColumn(m -> m.population() == null ? "" : String.format(getLocale(), "%,d", m.population()))
                .setKey("population").setHeader(getTranslation("partnerSearch.col.population")).setAutoWidth(true);
        list.addColumn(m -> String.join(", ", m.themes())).setKey("themes")
                .setHeader(getTranslation("partnerSearch.col.themes")).setFlexGrow(2);
        list.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> accept(metadata.fileName(), bytes)));
        upload.setId("foreign-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_BYTES);
        upload.setAcceptedFileTypes(".csv", ".xlsx", TableFormat.CSV.mediaType(), TableFormat.XLSX.mediaType());
        ComponentTexts.localize(upload);
        check.setText(getTranslation("import.check"));
        check.setId("foreign-check");
        check.setEnabled(false);
        check.addClickListener(click -> run(true));
        runImport.setText(getTranslation("import.run"));
        runImport.setId("foreign-run");
        runImport.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        runImport.setEnabled(false);
        runImport.addClickListener(click -> run(false));
        outcome.setId("foreign-outcome");
        errors.setId("foreign-errors");
        errors.addColumn(Problem.FieldError::row).setHeader(getTranslation("import.errors.row")).setAutoWidth(true)
                .setFlexGrow(0);
        errors.addColumn(Problem.FieldError::column).setHeader(getTranslation("import.errors.column"))
                .setAutoWidth(true).setFlexGrow(0);
        errors.addColumn(error -> CommandValidation.cellMessage(this, error))
                .setHeader(getTranslation("import.errors.message")).setFlexGrow(1);
        errors.setAllRowsVisible(true);
        errors.setVisible(false);
        add(new H1(getTranslation("foreign.title")), list, new H2(getTranslation("import.step.upload")),
                new Paragraph(getTranslation("foreign.import.help", String.join(";",
                        ForeignMunicipalityService.COLUMNS))), upload, fileName,
                new H2(getTranslation("import.step.check")), check, outcome, errors,
                new H2(getTranslation("import.step.import")), runImport);
        list.setItems(foreign.all());
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
            ForeignImportResult result = foreign.importFile(content, format, dryRun);
            String text = getTranslation(dryRun ? "import.preview" : "import.done", result.created(),
                    result.updated());
            outcome.setText(text);
            errors.setVisible(false);
            runImport.setEnabled(dryRun);
            if (!dryRun) {
                Notification.show(text);
                list.setItems(foreign.all());
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
        return getTranslation("foreign.title") + " · Koopera";
    }
}
