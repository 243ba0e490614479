package eu.koopera.audit.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import eu.koopera.audit.AuditAction;
import eu.koopera.audit.AuditFilter;
import eu.koopera.audit.AuditService;
import eu.koopera.platform.security.Roles;
import eu.koopera.ui.forms.Fields;
import eu.koopera.ui.forms.FilterFields;
import eu.koopera.ui.i18n.ComponentTexts;
import eu.koopera.ui.layout.MainLayout;
import eu.koopera.ui.session.AllowedRoles;
import io.micronaut.context.annotation.Prototype;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The association's audit log for its administrators: who changed what and when, filtered as they need. */
@Menu(title = "nav.audit", order = 80, icon = "vaadin:clipboard-text")
@Route(value = "audit", layout = MainLayout.class)
@AllowedRoles(Roles.ASSOCIATION_ADMIN)
@Prototype
public class AuditView extends VerticalLayout implements HasDynamicTitle {

    private final Select<String> entityType = new Select<>();
    private final TextField entityId = new TextField();
    private final Select<AuditAction> action = new Select<>();
    private final TextField actor = new TextField();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final AuditLogGrid log;

    public AuditView(AuditService audit) {
        setSizeFull();
        log = new AuditLogGrid(audit, new AuditFilter(null, null, null, null, null, null));
        log.grid().setSizeFull();

        FilterFields.oneOrAll(entityType, "audit.filter.entityType", "audit-entity-type", AuditEntityTypes.KNOWN,
                type -> AuditEntityTypes.label(this, type), this::refresh);
        text(entityId, "audit.filter.entityId", "audit-entity-id");
        text(actor, "audit.filter.actor", "audit-actor");
        FilterFields.oneOrAll(action, "audit.action", "audit-action", List.of(AuditAction.values()),
                value -> getTranslation("audit.action." + value), this::refresh);
        from.setLabel(getTranslation("audit.filter.from"));
        from.setId("audit-from");
        ComponentTexts.localize(from);
        from.addValueChangeListener(event -> refresh());
        to.setLabel(getTranslation("audit.filter.to"));
        to.setId("audit-to");
        ComponentTexts.localize(to);
        to.addValueChangeListener(event -> refresh());

        HorizontalLayout filters = new HorizontalLayout(entityType, entityId, action, actor, from, to);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
        filters.setWrap(true);
        filters.setWidthFull();
        add(new H1(getTranslation("audit.title")), filters, log);
        setFlexGrow(1, log);
    }

    private void text(TextField field, String labelKey, String id) {
        field.setLabel(getTranslation(labelKey));
        field.setId(id);
        field.setClearButtonVisible(true);
        field.setMaxLength(64);
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.addValueChangeListener(event -> refresh());
    }

    private void refresh() {
        log.filter(new AuditFilter(entityType.getValue(), Fields.blankToNull(entityId.getValue()),
                Fields.blankToNull(actor.getValue()), action.getValue(), startOf(from.getValue()),
                to.getValue() == null ? null : startOf(to.getValue().plusDays(1))));
    }

    /** The first instant of a day in the association's time zone; the "to" day is included whole. */
    private static Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(AuditLogGrid.ZONE).toInstant();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title") + " · Koopera";
    }
}
