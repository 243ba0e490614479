package eu.koopera.members.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import eu.koopera.members.MemberImportService;
import eu.koopera.members.MemberKind;
import eu.koopera.members.MemberResponse;
import eu.koopera.members.MemberSearch;
import eu.koopera.members.MemberService;
import eu.koopera.members.MembershipStatus;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.tabular.TableFormat;
import eu.koopera.platform.tabular.TableWriter;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.CommandValidation;
import eu.koopera.ui.forms.FilterFields;
import eu.koopera.ui.i18n.ComponentTexts;
import eu.koopera.ui.layout.MainLayout;
import eu.koopera.ui.session.AllowedRoles;
import eu.koopera.ui.session.UiSessions;
import io.micronaut.context.annotation.Prototype;

import java.io.ByteArrayInputStream;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The association's member register: search, filter and sort in the database a page at a time; administrators
 * create, edit and delete members, coordinators read.
 */
@Menu(title = "nav.members", order = 30, icon = "vaadin:users")
@Route(value = "members", layout = MainLayout.class)
@AllowedRoles({Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR})
@Prototype
public class MembersView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private static final String NOT_KNOWN = "—";

    private final MemberService members;
    private final MemberImportService imports;
    private final TableWriter writer;
    private final CommandValidation validation;
    private final boolean mayEdit;
    private final Grid<MemberResponse> grid = new Grid<>(MemberResponse.class, false);
    private final TextField search = new TextField();
    private final Select<MemberKind> kind = new Select<>();
    private final Select<MembershipStatus> status = new Select<>();
    private final Span total = new Span();
    private boolean restoring;

    public MembersView(MemberService members, MemberImportService imports, TableWriter writer,
                       CommandValidation validation, UiSessions sessions) {
        this.members = members;
        this.imports = imports;
        this.writer = writer;
        this.validation = validation;
        this.mayEdit = sessions.current().map(s -> s.hasRole(Roles.ASSOCIATION_ADMIN)).orElse(false);
        setSizeFull();

        Runnable refresh = () -> {
            grid.getDataProvider().refreshAll();
            rememberInAddress();
        };
        FilterFields.search(search, "members.search", "member-search", refresh);
        FilterFields.oneOrAll(kind, "members.kind", "members-kind", List.of(MemberKind.values()),
                value -> getTranslation("members.kind." + value), refresh);
        FilterFields.oneOrAll(status, "members.status", "members-status", List.of(MembershipStatus.values()),
                value -> getTranslation("members.status." + value), refresh);

        Button create = new Button(getTranslation("members.create"), VaadinIcon.PLUS.create(),
                click -> edit(null));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("create-member");
        create.setVisible(mayEdit);

        Button importMembers = new Button(getTranslation("import.title"), VaadinIcon.UPLOAD.create(),
                click -> openImport());
        importMembers.setId("import-members");
        importMembers.setVisible(mayEdit);

        // the full register with notes is an administrator's export, like the API's (docs/authorization.md)
        Anchor csv = export(TableFormat.CSV);
        Anchor xlsx = export(TableFormat.XLSX);
        csv.setVisible(mayEdit);
        xlsx.setVisible(mayEdit);
        HorizontalLayout filters = new HorizontalLayout(search, kind, status, create, importMembers, csv, xlsx);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
        filters.setWidthFull();
        filters.setWrap(true);
        filters.expand(search);

        configureGrid();
        total.setId("members-total");
        total.addClassName("koopera-total");
        add(new H1(getTranslation("members.title")), filters, total, grid);
    }

    /** Filters and order come from the address, so that reload and bookmarks keep them. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        restoring = true;
        try {
            search.setValue(first(parameters, "q").orElse(""));
            kind.setValue(first(parameters, "kind").flatMap(value -> parse(MemberKind.class, value)).orElse(null));
            status.setValue(first(parameters, "status").flatMap(value -> parse(MembershipStatus.class, value))
                    .orElse(null));
            String sort = first(parameters, "sort").orElse("name");
            boolean descending = sort.startsWith("-");
            Grid.Column<MemberResponse> column = parse(MemberSearch.SortField.class,
                    sort.substring(descending ? 1 : 0).toUpperCase(Locale.ROOT))
                    .map(field -> grid.getColumnByKey(field.name())).orElse(grid.getColumnByKey("NAME"));
            grid.sort(List.of(new GridSortOrder<>(column,
                    descending ? SortDirection.DESCENDING : SortDirection.ASCENDING)));
        } finally {
            restoring = false;
        }
    }

    /** Puts the current filters and order into the address without a new history entry. */
    private void rememberInAddress() {
        if (restoring) {
            return;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        if (!search.getValue().isBlank()) {
            parameters.put("q", search.getValue().strip());
        }
        if (kind.getValue() != null) {
            parameters.put("kind", kind.getValue().name());
        }
        if (status.getValue() != null) {
            parameters.put("status", status.getValue().name());
        }
        List<GridSortOrder<MemberResponse>> order = grid.getSortOrder();
        if (!order.isEmpty()) {
            String key = order.getFirst().getSorted().getKey().toLowerCase(Locale.ROOT);
            parameters.put("sort", (order.getFirst().getDirection() == SortDirection.DESCENDING ? "-" : "") + key);
        }
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new Location("members", QueryParameters.simple(parameters))));
    }

    private static Optional<String> first(Map<String, List<String>> parameters, String name) {
        return parameters.getOrDefault(name, List.of()).stream().filter(value -> !value.isBlank()).findFirst();
    }

    private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
        try {
            return Optional.of(Enum.valueOf(type, value));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    private void configureGrid() {
        NumberFormat numbers = NumberFormat.getIntegerInstance(getLocale());
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(ZoneId.of("Europe/Riga"));
        grid.setId("members");
        grid.addColumn(LitRenderer.<MemberResponse>of("<a router-link href=\"members/${item.id}\">${item.name}</a>")
                        .withProperty("id", MemberResponse::id).withProperty("name", MemberResponse::name))
                .setHeader(getTranslation("members.name")).setKey("NAME")
                .setSortable(true).setWidth("14rem").setFlexGrow(3);
        grid.addColumn(MemberResponse::code).setHeader(getTranslation("members.code")).setKey("CODE")
                .setSortable(true).setWidth("7rem").setFlexGrow(0);
        grid.addColumn(member -> member.kind() == null ? NOT_KNOWN : getTranslation("members.kind." + member.kind()))
                .setHeader(getTranslation("members.kind")).setKey("KIND").setSortable(true).setWidth("9rem")
                .setFlexGrow(1);
        grid.addColumn(member -> member.region() == null ? NOT_KNOWN : member.region())
                .setHeader(getTranslation("members.region")).setKey("REGION").setSortable(true).setWidth("9rem")
                .setFlexGrow(1);
        grid.addColumn(member -> member.population() == null ? NOT_KNOWN : numbers.format(member.population()))
                .setHeader(getTranslation("members.population")).setKey("POPULATION").setSortable(true)
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END).setWidth("7rem").setFlexGrow(0);
        grid.addColumn(member -> getTranslation("members.status." + member.membershipStatus()))
                .setHeader(getTranslation("members.status")).setKey("MEMBERSHIP_STATUS").setSortable(true)
                .setWidth("8rem").setFlexGrow(0);
        grid.addColumn(member -> dates.format(member.updatedAt())).setHeader(getTranslation("members.updated"))
                .setKey("UPDATED_AT").setSortable(true).setWidth("10rem").setFlexGrow(0);
        if (mayEdit) {
            // frozen to the right edge: reachable at any width without scrolling sideways
            grid.addColumn(actions()).setHeader(getTranslation("common.actions")).setKey("actions")
                    .setWidth("6.5rem").setFlexGrow(0).setFrozenToEnd(true);
        }
        grid.setEmptyStateText(getTranslation("members.empty"));
        grid.addSortListener(event -> rememberInAddress());
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.setPageSize(50);
        grid.setItems(query -> members.search(criteria(query.getSortOrders()),
                        query.getPage(), query.getPageSize()).items().stream(),
                query -> {
                    int count = (int) members.search(criteria(query.getSortOrders()), 0, 1).total();
                    total.setText(getTranslation("members.total", count));
                    return count;
                });
    }

    /**
     * A link that downloads the members as filtered and ordered on screen, with every field an administrator sees:
     * headers in the UI's language, codes (kind, status) in their own columns beside their names.
     */
    private Anchor export(TableFormat format) {
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] file = writer.write(format, exportHeaders(), exportRows());
            return new DownloadResponse(new ByteArrayInputStream(file), "members." + format.extension(),
                    format.mediaType(), file.length);
        }), getTranslation("members.export." + format.extension()));
        link.setId("export-" + format.extension());
        return link;
    }

    private List<String> exportHeaders() {
        return Stream.of("members.code", "members.name", "members.export.kindCode", "members.kind",
                "members.country", "members.region", "members.population", "members.populationYear",
                "members.address", "members.website", "members.export.statusCode", "members.status", "member.since",
                "members.notes", "members.updated").map(this::getTranslation).toList();
    }

    private List<List<String>> exportRows() {
        List<List<String>> rows = new ArrayList<>();
        for (MemberResponse member : members.all(criteria(currentSortOrders()))) {
            rows.add(Arrays.asList(member.code(), member.name(),
                    member.kind() == null ? null : member.kind().name(),
                    member.kind() == null ? null : getTranslation("members.kind." + member.kind()),
                    member.country(), member.region(),
                    member.population() == null ? null : member.population().toString(),
                    member.populationYear() == null ? null : member.populationYear().toString(),
                    member.address(), member.website(), member.membershipStatus().name(),
                    getTranslation("members.status." + member.membershipStatus()),
                    member.membershipSince() == null ? null : member.membershipSince().toString(),
                    member.notes(), member.updatedAt().toString()));
        }
        return rows;
    }

    private List<QuerySortOrder> currentSortOrders() {
        return grid.getSortOrder().stream().map(order -> new QuerySortOrder(order.getSorted().getKey(),
                order.getDirection())).toList();
    }

    private void openImport() {
        Dialog dialog = new Dialog(getTranslation("import.title"));
        dialog.setId("import-dialog");
        dialog.setWidth("min(56rem, 100vw)");
        dialog.add(new MemberImportWizard(imports, () -> grid.getDataProvider().refreshAll()));
        dialog.getFooter().add(new Button(getTranslation("common.close"), click -> dialog.close()));
        dialog.open();
    }

    private MemberSearch criteria(List<QuerySortOrder> sortOrders) {
        MemberSearch.SortField field = MemberSearch.SortField.NAME;
        boolean descending = false;
        if (!sortOrders.isEmpty()) {
            field = MemberSearch.SortField.valueOf(sortOrders.getFirst().getSorted());
            descending = sortOrders.getFirst().getDirection() == SortDirection.DESCENDING;
        }
        String text = search.getValue().isBlank() ? null : search.getValue().strip();
        return new MemberSearch(text, kind.getValue(), null, null, status.getValue(), field, descending);
    }

    /** Edit and delete buttons rendered in the browser, so rows cost no server-side components. */
    private LitRenderer<MemberResponse> actions() {
        return LitRenderer.<MemberResponse>of("""
                        <vaadin-button theme="tertiary-inline icon" aria-label="${item.editLabel}" \
                        @click="${edit}"><vaadin-icon icon="vaadin:edit"></vaadin-icon></vaadin-button>
                        <vaadin-button theme="tertiary-inline icon error" aria-label="${item.deleteLabel}" \
                        @click="${remove}"><vaadin-icon icon="vaadin:trash"></vaadin-icon></vaadin-button>""")
                .withProperty("editLabel", member -> getTranslation("common.edit") + " " + member.name())
                .withProperty("deleteLabel", member -> getTranslation("common.delete") + " " + member.name())
                .withFunction("edit", this::edit)
                .withFunction("remove", this::confirmDelete);
    }

    private void edit(MemberResponse member) {
        MemberResponse current = member == null ? null : members.get(member.id());
        new MemberDialog(current, members, validation, () -> grid.getDataProvider().refreshAll()).open();
    }

    private void confirmDelete(MemberResponse member) {
        ConfirmDialog confirm = ComponentTexts.dangerousConfirm(this,
                getTranslation("members.delete.title", member.name()),
                getTranslation("members.delete.text"), getTranslation("common.delete"));
        confirm.setId("confirm-delete");
        confirm.addConfirmListener(event -> {
            try {
                members.delete(member.id());
                Notification.show(getTranslation("members.deleted", member.name()));
            } catch (ApiException e) {
                CommandValidation.notifyError(this, e);
            }
            grid.getDataProvider().refreshAll();
        });
        confirm.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("members.title") + " · Koopera";
    }
}
