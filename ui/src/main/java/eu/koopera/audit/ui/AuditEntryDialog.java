package eu.koopera.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import eu.koopera.audit.AuditEntry;
import eu.koopera.ui.forms.Fields;

import java.time.format.DateTimeFormatter;

/** One audit entry in full, with the entity's state before and after as recorded. */
class AuditEntryDialog extends Dialog {

    AuditEntryDialog(AuditEntry entry, DateTimeFormatter times) {
        setId("audit-entry");
        setHeaderTitle(getTranslation("audit.details"));
        setWidth("min(60rem, 100vw)");
        FormLayout facts = new FormLayout(
                Fields.readOnly(this, "audit.when", times.format(entry.occurredAt())),
                Fields.readOnly(this, "audit.who", entry.actor()),
                Fields.readOnly(this, "audit.action", getTranslation("audit.action." + entry.action())),
                Fields.readOnly(this, "audit.entity",
                        AuditEntityTypes.labelWithId(this, entry.entityType(), entry.entityId())),
                Fields.readOnly(this, "audit.summary", entry.summary()));
        add(facts, json("audit.before", entry.before(), "audit-before"), json("audit.after", entry.after(),
                "audit-after"));
        getFooter().add(new Button(getTranslation("common.close"), click -> close()));
    }

    private VerticalLayout json(String labelKey, String document, String id) {
        Pre text = new Pre(document == null ? getTranslation("audit.none") : document);
        text.setId(id);
        text.getStyle().set("white-space", "pre-wrap").set("max-height", "20rem").set("overflow", "auto");
        VerticalLayout block = new VerticalLayout(new Span(getTranslation(labelKey)), text);
        block.setPadding(false);
        block.setSpacing(false);
        return block;
    }
}
