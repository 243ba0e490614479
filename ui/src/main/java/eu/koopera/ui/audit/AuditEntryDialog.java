package eu.koopera.ui.audit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import eu.koopera.platform.audit.AuditEntry;

import java.time.format.DateTimeFormatter;

/** One audit entry in full, with the entity's state before and after as recorded. */
class AuditEntryDialog extends Dialog {

    AuditEntryDialog(AuditEntry entry, DateTimeFormatter times) {
        setId("audit-entry");
        setHeaderTitle(getTranslation("audit.details"));
        setWidth("min(60rem, 100vw)");
        FormLayout facts = new FormLayout(
                field("audit.when", times.format(entry.occurredAt())),
                field("audit.who", entry.actor()),
                field("audit.action", getTranslation("audit.action." + entry.action())),
                field("audit.entity", AuditEntityTypes.labelWithId(this, entry.entityType(), entry.entityId())),
                field("audit.summary", entry.summary()));
        add(facts, json("audit.before", entry.before(), "audit-before"), json("audit.after", entry.after(),
                "audit-after"));
        getFooter().add(new Button(getTranslation("common.close"), click -> close()));
    }

    private TextField field(String labelKey, String value) {
        TextField field = new TextField(getTranslation(labelKey));
        field.setValue(value == null ? "" : value);
        field.setReadOnly(true);
        return field;
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
