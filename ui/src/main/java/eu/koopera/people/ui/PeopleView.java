package eu.koopera.people.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import eu.koopera.members.MemberResponse;
import eu.koopera.members.MemberService;
import eu.koopera.people.InvitationService;
import eu.koopera.people.PeopleService;
import eu.koopera.people.PersonPage;
import eu.koopera.people.PersonResponse;
import eu.koopera.people.PersonSearch;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.tabular.TableFormat;
import eu.koopera.platform.tabular.TableWriter;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.AddressState;
import eu.koopera.ui.forms.CommandValidation;
import eu.koopera.ui.forms.FilterBar;
import eu.koopera.ui.forms.FilterFields;
import eu.koopera.ui.forms.NarrowScreens;
import eu.koopera.ui.i18n.ComponentTexts;
import eu.koopera.ui.layout.MainLayout;
import eu.koopera.ui.session.AllowedRoles;
import eu.koopera.ui.session.UiSessions;
import io.micronaut.context.annotation.Prototype;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The people of the member organisations, searched and filtered in the database a page at a time, by name (the
 * service has no other order). Administrators create, edit, invite and delete; coordinators read.
 */
@Menu(title = "nav.people", order = 40, icon = "vaadin:user-card")
@Route(value = "people", layout = MainLayout.class)
@AllowedRoles({Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR})
@Prototype
public class PeopleView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private static final int EXPORT_PAGE = 500;

    private final PeopleService people;
    private final TableWriter writer;
    private final MemberService members;
    private final InvitationService invitations;
    private final CommandValidation validation;
    private final boolean mayEdit;
    private final Grid<PersonResponse> grid = new Grid<>(PersonResponse.class, false);
    private final TextField search = new TextField();
    private final MemberPicker member;
    private final Span total = new Span();
    private boolean restoring;

    public PeopleView(PeopleService people, MemberService members, InvitationService invitations,
                      TableWriter writer, CommandValidation validation, UiSessions sessions) {
        this.people = people;
        this.writer = writer;
        this.members = members;
        this.invitations = invitations;
        this.validation = validation;
        this.mayEdit = sessions.current().map(s -> s.hasRole(Roles.ASSOCIATION_ADMIN)).orElse(false);
        setSizeFull();

        FilterFields.search(search, "people.search", "person-search", this::refresh);
        member = new MemberPicker("people.member", "person-member-filter", members);
        member.setPlaceholder(getTranslation("common.all"));
        member.setClearButtonVisible(true);
        member.addValueChangeListener(event -> refresh());

        Button create = new Button(getTranslation("people.create"), VaadinIcon.PLUS.create(), click -> edit(null));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("create-person");
        create.setVisible(mayEdit);

        FilterBar filters = new FilterBar("people-bar", search, List.of(member), List.of(create,
                export(TableFormat.CSV), export(TableFormat.XLSX)));
        configureGrid();
        total.setId("people-total");
        total.addClassName("koopera-total");
        add(new H1(getTranslation("people.title")), filters, total, grid);
    }

    /** The search and the member come from the address, so that reload and bookmarks keep them. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters parameters = event.getLocation().getQueryParameters();
        restoring = true;
        try {
            search.setValue(AddressState.first(parameters, "q").orElse(""));
            member.setValue(AddressState.first(parameters, "member").flatMap(this::member).orElse(null));
        } finally {
            restoring = false;
        }
    }

    private Optional<MemberResponse> member(String id) {
        try {
            return Optional.of(members.get(Long.parseLong(id)));
        } catch (NumberFormatException | ApiException.NotFound gone) {
            return Optional.empty();
        }
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        if (restoring) {
            return;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        if (!search.getValue().isBlank()) {
            parameters.put("q", search.getValue().strip());
        }
        if (member.getValue() != null) {
            parameters.put("member", Long.toString(member.getValue().id()));
        }
        AddressState.remember(this, "people", parameters);
    }

    private void configureGrid() {
        grid.setId("people");
        grid.addColumn(person -> person.lastName() + " " + person.firstName()).setHeader(getTranslation("people.name"))
                .setKey("name").setWidth("10rem").setFlexGrow(3);
        Grid.Column<PersonResponse> position = grid.addColumn(PersonResponse::position)
                .setHeader(getTranslation("people.position")).setKey("position")
                .setAutoWidth(true);
        Grid.Column<PersonResponse> memberName = grid.addColumn(PersonResponse::memberName)
                .setHeader(getTranslation("people.member")).setKey("member")
                .setWidth("14rem").setFlexGrow(2);
        Grid.Column<PersonResponse> email = grid.addColumn(PersonResponse::email)
                .setHeader(getTranslation("people.email")).setKey("email")
                .setAutoWidth(true);
        Grid.Column<PersonResponse> phone = grid.addColumn(PersonResponse::phone)
                .setHeader(getTranslation("people.phone")).setKey("phone")
                .setAutoWidth(true);
        Grid.Column<PersonResponse> account = grid.addColumn(this::account)
                .setHeader(getTranslation("people.account")).setKey("account")
                .setAutoWidth(true);
        if (mayEdit) {
            grid.addColumn(actions()).setHeader(getTranslation("common.actions")).setKey("actions")
                    .setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        }
        // on a phone: the name and the actions
        NarrowScreens.hideOnPhone(grid, List.of(position, memberName, email, phone, account));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(getTranslation("people.empty"));
        grid.setSizeFull();
        grid.setPageSize(50);
        grid.setItems(query -> people.search(criteria(), query.getPage(), query.getPageSize())
                        .items().stream(),
                query -> {
                    int count = (int) people.search(criteria(), 0, 1).total();
                    total.setText(getTranslation("people.total", count));
                    return count;
                });
    }

    /**
     * A link that downloads the people as filtered on screen, with every field the user sees: headers in the UI's
     * language, the member's code and the role codes in their own columns beside their names.
     */
    private Anchor export(TableFormat format) {
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] file = writer.write(format, exportHeaders(), exportRows());
            return new DownloadResponse(new ByteArrayInputStream(file), "people." + format.extension(),
                    format.mediaType(), file.length);
        }), getTranslation("members.export." + format.extension()));
        link.setId("export-people-" + format.extension());
        return link;
    }

    private List<String> exportHeaders() {
        return Stream.of("people.export.memberCode", "people.member", "people.firstName", "people.lastName",
                "people.position", "people.email", "people.phone", "people.export.languageCodes", "people.account",
                "people.export.roleCodes", "invitations.roles", "people.notes", "members.updated")
                .map(this::getTranslation).toList();
    }

    private List<List<String>> exportRows() {
        List<List<String>> rows = new ArrayList<>();
        PersonSearch criteria = criteria();
        for (int page = 0; ; page++) {
            PersonPage found = people.search(criteria, page, EXPORT_PAGE);
            for (PersonResponse person : found.items()) {
                List<String> roles = person.roles().stream().sorted().toList();
                rows.add(Arrays.asList(person.memberCode(), person.memberName(), person.firstName(),
                        person.lastName(), person.position(), person.email(), person.phone(),
                        String.join(", ", person.languages()), person.username(),
                        roles.isEmpty() ? null : String.join(", ", roles),
                        roles.isEmpty() ? null : roles.stream().map(role -> getTranslation("role." + role))
                                .collect(Collectors.joining(", ")),
                        person.notes(), person.updatedAt().toString()));
            }
            if (found.items().size() < EXPORT_PAGE) {
                return rows;
            }
        }
    }

    private PersonSearch criteria() {
        String text = search.getValue().isBlank() ? null : search.getValue().strip();
        return new PersonSearch(text, member.getValue() == null ? null : member.getValue().id());
    }

    private String account(PersonResponse person) {
        if (person.username() == null) {
            return getTranslation("people.account.none");
        }
        return person.username() + " (" + person.roles().stream().sorted().map(role -> getTranslation("role." + role))
                .collect(Collectors.joining(", ")) + ")";
    }

    /** Row buttons rendered in the browser, so rows cost no server-side components. */
    private LitRenderer<PersonResponse> actions() {
        return LitRenderer.<PersonResponse>of("""
                        <vaadin-button theme="tertiary-inline icon" aria-label="${item.editLabel}" \
                        @click="${edit}"><vaadin-icon icon="vaadin:edit"></vaadin-icon></vaadin-button>
                        <vaadin-button theme="tertiary-inline icon" aria-label="${item.inviteLabel}" \
                        ?hidden="${!item.invitable}" @click="${invite}"><vaadin-icon icon="vaadin:envelope">\
                        </vaadin-icon></vaadin-button>
                        <vaadin-button theme="tertiary-inline icon error" aria-label="${item.deleteLabel}" \
                        @click="${remove}"><vaadin-icon icon="vaadin:trash"></vaadin-icon></vaadin-button>""")
                .withProperty("editLabel", person -> getTranslation("common.edit") + " " + name(person))
                .withProperty("inviteLabel", person -> getTranslation("invitations.invite") + " " + name(person))
                .withProperty("deleteLabel", person -> getTranslation("common.delete") + " " + name(person))
                .withProperty("invitable", person -> person.userId() == null && person.email() != null)
                .withFunction("edit", this::edit)
                .withFunction("invite", this::invite)
                .withFunction("remove", this::confirmDelete);
    }

    private void edit(PersonResponse person) {
        PersonResponse current = person == null ? null : people.get(person.id());
        new PersonDialog(current, people, members, validation, grid.getDataProvider()::refreshAll).open();
    }

    private void invite(PersonResponse person) {
        new InvitationDialog(person, invitations, grid.getDataProvider()::refreshAll).open();
    }

    private void confirmDelete(PersonResponse person) {
        ConfirmDialog confirm = ComponentTexts.dangerousConfirm(this,
                getTranslation("people.delete.title", name(person)),
                getTranslation("people.delete.text"), getTranslation("common.delete"));
        confirm.setId("confirm-delete");
        confirm.addConfirmListener(event -> {
            try {
                people.delete(person.id());
                Notification.show(getTranslation("people.deleted", name(person)));
            } catch (ApiException e) {
                CommandValidation.notifyError(this, e);
            }
            grid.getDataProvider().refreshAll();
        });
        confirm.open();
    }

    private static String name(PersonResponse person) {
        return person.firstName() + " " + person.lastName();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("people.title") + " · Koopera";
    }
}
