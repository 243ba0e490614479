package eu.koopera.audit.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import eu.koopera.audit.AuditEntry;
import eu.koopera.audit.AuditFilter;
import eu.koopera.audit.AuditService;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * The tenant's audit log, newest first, fetched from the database a page at a time, each entry summarised in the
 * user's language; a click on an entry shows which fields it changed, from what to what. Used for the whole log and for one entity's trail.
 */
public class AuditLogGrid extends Composite<Grid<AuditEntry>> {

    static final ZoneId ZONE = ZoneId.of("Europe/Riga");

    private final AuditService audit;
    private AuditFilter filter;

    /** The trail of one entity, such as {@code member} 42. */
    public AuditLogGrid(AuditService audit, String entityType, String entityId) {
        this(audit, new AuditFilter(entityType, entityId, null, null, null, null));
    }

    AuditLogGrid(AuditService audit, AuditFilter filter) {
        this.audit = audit;
        this.filter = filter;
    }

    @Override
    protected Grid<AuditEntry> initContent() {
        DateTimeFormatter times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.MEDIUM)
                .withLocale(getLocale()).withZone(ZONE);
        AuditTexts texts = new AuditTexts(this, getLocale(), ZONE);
        Grid<AuditEntry> grid = new Grid<>(AuditEntry.class, false);
        grid.setId("audit-log");
        grid.addColumn(entry -> times.format(entry.occurredAt())).setHeader(getTranslation("audit.when"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::actor).setHeader(getTranslation("audit.who")).setAutoWidth(true);
        grid.addColumn(entry -> getTranslation("audit.action." + entry.action())).setHeader(getTranslation("audit.action"))
                .setAutoWidth(true);
        grid.addColumn(texts::entity).setHeader(getTranslation("audit.entity")).setAutoWidth(true);
        grid.addColumn(texts::summary).setHeader(getTranslation("audit.summary")).setFlexGrow(2);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setPageSize(50);
        grid.setItems(query -> audit.find(filter, query.getPage(), query.getPageSize())
                        .items().stream(),
                query -> (int) audit.find(filter, 0, 1).total());
        // selection rather than item clicks, so that keyboard users open the details with Space as well
        grid.asSingleSelect().addValueChangeListener(selected -> {
            if (selected.getValue() != null) {
                AuditEntryDialog dialog = new AuditEntryDialog(selected.getValue(), times, texts);
                dialog.addOpenedChangeListener(opened -> {
                    if (!opened.isOpened()) {
                        grid.deselectAll();
                    }
                });
                dialog.open();
            }
        });
        return grid;
    }

    /** Shows the entries matching {@code filter} from the first page. */
    void filter(AuditFilter filter) {
        this.filter = filter;
        getContent().getDataProvider().refreshAll();
    }

    /** The grid, for tests and for sizing. */
    public Grid<AuditEntry> grid() {
        return getContent();
    }
}
