package eu.koopera.members.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
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
import java.util.List;

/**
 * The association's member register: search, filter and sort in the database a page at a time; administrators
 * create, edit and delete members, coordinators read.
 */
@Menu(title = "nav.members", order = 30, icon = "vaadin:users")
@Route(value = "members", layout = MainLayout.class)
@AllowedRoles({Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR})
@Prototype
public class MembersView extends VerticalLayout implements HasDynamicTitle {

    private final MemberService members;
    private final MemberImportService imports;
    private final CommandValidation validation;
    private final boolean mayEdit;
    private final Grid<MemberResponse> grid = new Grid<>(MemberResponse.class, false);
    private final TextField search = new TextField();
    private final Select<MemberKind> kind = new Select<>();
    private final Select<MembershipStatus> status = new Select<>();

    public MembersView(MemberService members, MemberImportService imports,
                       CommandValidation validation, UiSessions sessions) {
        this.members = members;
        this.imports = imports;
        this.validation = validation;
        this.mayEdit = sessions.current().map(s -> s.hasRole(Roles.ASSOCIATION_ADMIN)).orElse(false);
        setSizeFull();

        Runnable refresh = () -> grid.getDataProvider().refreshAll();
        FilterFields.search(search, "members.search", "member-search", refresh);
        FilterFields.oneOrAll(kind, "members.kind", null, List.of(MemberKind.values()),
                value -> getTranslation("members.kind." + value), refresh);
        FilterFields.oneOrAll(status, "members.status", null, List.of(MembershipStatus.values()),
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

        HorizontalLayout filters = new HorizontalLayout(search, kind, status, create, importMembers,
                export(TableFormat.CSV), export(TableFormat.XLSX));
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
        filters.setWidthFull();
        filters.setWrap(true);
        filters.expand(search);

        configureGrid();
        add(new H1(getTranslation("members.title")), filters, grid);
    }

    private void configureGrid() {
        NumberFormat numbers = NumberFormat.getIntegerInstance(getLocale());
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(ZoneId.of("Europe/Riga"));
        grid.setId("members");
        grid.addColumn(LitRenderer.<MemberResponse>of("<a router-link href=\"members/${item.id}\">${item.name}</a>")
                        .withProperty("id", MemberResponse::id).withProperty("name", MemberResponse::name))
                .setHeader(getTranslation("members.name")).setKey("NAME")
                .setSortable(true).setWidth("16rem").setFlexGrow(3);
        grid.addColumn(MemberResponse::code).setHeader(getTranslation("members.code")).setKey("CODE")
                .setSortable(true).setAutoWidth(true);
        grid.addColumn(member -> member.kind() == null ? "" : getTranslation("members.kind." + member.kind()))
                .setHeader(getTranslation("members.kind")).setKey("KIND").setSortable(true).setAutoWidth(true);
        grid.addColumn(MemberResponse::region).setHeader(getTranslation("members.region")).setKey("REGION")
                .setSortable(true).setAutoWidth(true);
        grid.addColumn(member -> member.population() == null ? "" : numbers.format(member.population()))
                .setHeader(getTranslation("members.population")).setKey("POPULATION").setSortable(true)
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(member -> getTranslation("members.status." + member.membershipStatus()))
                .setHeader(getTranslation("members.status")).setKey("MEMBERSHIP_STATUS").setSortable(true)
                .setAutoWidth(true);
        grid.addColumn(member -> dates.format(member.updatedAt())).setHeader(getTranslation("members.updated"))
                .setKey("UPDATED_AT").setSortable(true).setAutoWidth(true);
        if (mayEdit) {
            grid.addColumn(actions()).setHeader(getTranslation("common.actions")).setKey("actions")
                    .setAutoWidth(true)
                    .setFlexGrow(0);
        }
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.setPageSize(50);
        grid.setItems(query -> members.search(criteria(query.getSortOrders()),
                        query.getPage(), query.getPageSize()).items().stream(),
                query -> (int) members.search(criteria(query.getSortOrders()), 0, 1).total());
        grid.sort(List.of(new GridSortOrder<>(grid.getColumnByKey("NAME"), SortDirection.ASCENDING)));
    }

    /** A link that downloads the whole register, built by the service when clicked. */
    private Anchor export(TableFormat format) {
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] file = imports.export(format);
            return new DownloadResponse(new ByteArrayInputStream(file), "members." + format.extension(),
                    format.mediaType(), file.length);
        }), getTranslation("members.export." + format.extension()));
        link.setId("export-" + format.extension());
        return link;
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
