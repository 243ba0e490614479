package eu.koopera.ui.mail;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import eu.koopera.platform.mail.MailOutbox;
import eu.koopera.platform.mail.MailOutboxEntry;
import eu.koopera.platform.mail.MailStatus;
import eu.koopera.platform.security.Roles;
import eu.koopera.ui.forms.Fields;
import eu.koopera.ui.forms.FilterFields;
import eu.koopera.ui.layout.MainLayout;
import eu.koopera.ui.session.AllowedRoles;
import io.micronaut.context.annotation.Prototype;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * Operators' view of the mail outbox: what is waiting, sent or failed, and why. Without an SMTP server (as in
 * development) mail stays here as PENDING, and then its text is shown, since the outbox is its only way to anyone;
 * with SMTP configured the platform withholds bodies because they may carry one-time invitation links.
 */
@Menu(title = "nav.mail", order = 90, icon = "vaadin:envelopes")
@Route(value = "operator/mail", layout = MainLayout.class)
@AllowedRoles(Roles.PLATFORM_OPERATOR)
@Prototype
public class MailOutboxView extends VerticalLayout implements HasDynamicTitle {

    private final Grid<MailOutboxEntry> grid = new Grid<>(MailOutboxEntry.class, false);
    private final Select<MailStatus> status = new Select<>();
    private final DateTimeFormatter times;

    public MailOutboxView(MailOutbox outbox) {
        setSizeFull();
        times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(getLocale())
                .withZone(ZoneId.of("Europe/Riga"));
        FilterFields.oneOrAll(status, "mail.status", "mail-status", List.of(MailStatus.values()),
                value -> getTranslation("mail.status." + value), () -> grid.getDataProvider().refreshAll());

        grid.setId("mail-outbox");
        grid.addColumn(mail -> format(mail.createdAt())).setHeader(getTranslation("mail.created")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(MailOutboxEntry::tenantCode).setHeader(getTranslation("mail.tenant")).setAutoWidth(true);
        grid.addColumn(MailOutboxEntry::recipient).setHeader(getTranslation("mail.recipient")).setAutoWidth(true);
        grid.addColumn(MailOutboxEntry::subject).setHeader(getTranslation("mail.subject")).setFlexGrow(2);
        grid.addColumn(mail -> getTranslation("mail.status." + mail.status())).setHeader(getTranslation("mail.status"))
                .setAutoWidth(true);
        grid.addColumn(MailOutboxEntry::attempts).setHeader(getTranslation("mail.attempts")).setAutoWidth(true);
        grid.addColumn(mail -> mail.status() == MailStatus.PENDING ? format(mail.nextAttemptAt()) : "")
                .setHeader(getTranslation("mail.nextAttempt")).setAutoWidth(true);
        grid.addColumn(MailOutboxEntry::lastError).setHeader(getTranslation("mail.lastError")).setFlexGrow(2);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setPageSize(50);
        grid.setItems(query -> outbox.list(status.getValue(), query.getPage(),
                        query.getPageSize()).items().stream(),
                query -> (int) outbox.list(status.getValue(), 0, 1).total());
        // selection rather than item clicks, so that keyboard users open the details with Space as well
        grid.asSingleSelect().addValueChangeListener(selected -> {
            if (selected.getValue() != null) {
                details(selected.getValue());
            }
        });
        grid.setSizeFull();

        add(new H1(getTranslation("mail.title")), status, grid);
    }

    private void details(MailOutboxEntry mail) {
        Dialog dialog = new Dialog(mail.subject());
        dialog.addOpenedChangeListener(opened -> {
            if (!opened.isOpened()) {
                grid.deselectAll();
            }
        });
        dialog.setId("mail-details");
        dialog.setWidth("min(48rem, 100vw)");
        TextArea error = new TextArea(getTranslation("mail.lastError"));
        error.setValue(Fields.nullToEmpty(mail.lastError()));
        error.setReadOnly(true);
        FormLayout facts = new FormLayout(
                Fields.readOnly(this, "mail.recipient", mail.recipient()),
                Fields.readOnly(this, "mail.tenant", mail.tenantCode()),
                Fields.readOnly(this, "mail.status", getTranslation("mail.status." + mail.status())),
                Fields.readOnly(this, "mail.attempts", String.valueOf(mail.attempts())),
                Fields.readOnly(this, "mail.created", format(mail.createdAt())),
                Fields.readOnly(this, "mail.sent", format(mail.sentAt())),
                error);
        facts.setColspan(error, 2);
        if (mail.bodyText() == null) {
            dialog.add(facts, new Paragraph(getTranslation("mail.body.withheld")));
        } else {
            TextArea body = new TextArea(getTranslation("mail.body"));
            body.setId("mail-body");
            body.setValue(mail.bodyText());
            body.setReadOnly(true);
            body.setWidthFull();
            dialog.add(facts, body);
        }
        dialog.getFooter().add(new Button(getTranslation("common.close"), click -> dialog.close()));
        dialog.open();
    }

    private String format(Instant instant) {
        return instant == null ? "" : times.format(instant);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("mail.title") + " · Koopera";
    }
}
