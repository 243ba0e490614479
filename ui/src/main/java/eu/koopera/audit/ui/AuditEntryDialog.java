package eu.koopera.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import eu.koopera.audit.AuditEntry;
import eu.koopera.audit.FieldChange;
import eu.koopera.ui.forms.Fields;

import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One audit entry in full: its summary in the user's language, and field by field what it changed, labelled as
 * in the entity's form; the documents as recorded stay available, folded, for the record.
 */
class AuditEntryDialog extends Dialog {

    AuditEntryDialog(AuditEntry entry, DateTimeFormatter times, AuditTexts texts) {
        setId("audit-entry");
        setHeaderTitle(getTranslation("audit.details"));
        setWidth("min(60rem, 100vw)");
        FormLayout facts = new FormLayout(
                Fields.readOnly(this, "audit.when", times.format(entry.occurredAt())),
                Fields.readOnly(this, "audit.who", entry.actor()),
                Fields.readOnly(this, "audit.action", getTranslation("audit.action." + entry.action())),
                Fields.readOnly(this, "audit.entity", texts.entity(entry)),
                Fields.readOnly(this, "audit.summary", texts.summary(entry)),
                Fields.readOnly(this, "audit.clientAddress",
                        entry.clientAddress() == null ? AuditTexts.NONE : entry.clientAddress()));
        add(facts, changes(entry, texts));
        if (entry.before() != null || entry.after() != null) {
            add(recorded(entry));
        }
        getFooter().add(new Button(getTranslation("common.close"), click -> close()));
    }

    private VerticalLayout changes(AuditEntry entry, AuditTexts texts) {
        List<FieldChange> changes = texts.visibleChanges(entry);
        VerticalLayout block = new VerticalLayout();
        block.setPadding(false);
        if (changes.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("audit.changes.none"));
            none.setId("audit-no-changes");
            block.add(none);
            return block;
        }
        Grid<FieldChange> grid = new Grid<>(FieldChange.class, false);
        grid.setId("audit-changes");
        grid.addColumn(change -> texts.field(entry.entityType(), change.field()))
                .setHeader(getTranslation("audit.changes.field")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(change -> texts.value(entry.entityType(), change.field(), change.before()))
                .setHeader(getTranslation("audit.before"));
        grid.addColumn(change -> texts.value(entry.entityType(), change.field(), change.after()))
                .setHeader(getTranslation("audit.after"));
        grid.setItems(changes);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAriaLabel(getTranslation("audit.changes"));
        block.add(grid);
        return block;
    }

    /** The documents as stored, folded: what an auditor may need to quote, not what everyone reads. */
    private Details recorded(AuditEntry entry) {
        VerticalLayout documents = new VerticalLayout(
                document("audit.before", entry.before(), "audit-before"),
                document("audit.after", entry.after(), "audit-after"));
        documents.setPadding(false);
        Details details = new Details(getTranslation("audit.recorded"), documents);
        details.setId("audit-recorded");
        return details;
    }

    private VerticalLayout document(String labelKey, String document, String id) {
        Pre text = new Pre(document == null ? getTranslation("audit.none") : document);
        text.setId(id);
        text.getStyle().set("white-space", "pre-wrap").set("max-height", "20rem").set("overflow", "auto");
        VerticalLayout block = new VerticalLayout(new Paragraph(getTranslation(labelKey)), text);
        block.setPadding(false);
        block.setSpacing(false);
        return block;
    }
}
