package eu.koopera.members.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import eu.koopera.members.MemberResponse;
import eu.koopera.members.MemberService;
import eu.koopera.members.MembershipHistoryEntry;
import eu.koopera.people.PeopleService;
import eu.koopera.people.PersonResponse;
import eu.koopera.audit.AuditService;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.web.ApiException;
import eu.koopera.audit.ui.AuditLogGrid;
import eu.koopera.ui.forms.AccessibleTabs;
import eu.koopera.ui.forms.CommandValidation;
import eu.koopera.ui.forms.Fields;
import eu.koopera.ui.layout.MainLayout;
import eu.koopera.ui.session.AllowedRoles;
import eu.koopera.ui.session.UiSessions;
import io.micronaut.context.annotation.Prototype;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * One member on a page: its profile, its people, its membership history and, for administrators, its audit trail.
 */
@Route(value = "members/:id([0-9]+)", layout = MainLayout.class)
@AllowedRoles({Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR})
@Prototype
public class MemberDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** People shown on the tab; a member with more is better browsed in the people register. */
    private static final int PEOPLE_SHOWN = 200;

    private final MemberService members;
    private final PeopleService people;
    private final AuditService audit;
    private final CommandValidation validation;
    private final boolean isAdmin;
    private MemberResponse member;

    public MemberDetailView(MemberService members, PeopleService people, AuditService audit,
                            CommandValidation validation, UiSessions sessions) {
        this.members = members;
        this.people = people;
        this.audit = audit;
        this.validation = validation;
        this.isAdmin = sessions.current().map(s -> s.hasRole(Roles.ASSOCIATION_ADMIN)).orElse(false);
        setSizeFull();
    }

    private static final int HISTORY_TAB = 2;

    private TabSheet tabs;

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("id").orElseThrow(NotFoundException::new);
        try {
            member = members.get(id);
        } catch (ApiException.NotFound e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        render();
    }

    private void render() {
        removeAll();
        tabs = AccessibleTabs.of(new TabSheet());
        tabs.setId("member-tabs");
        tabs.setWidthFull();
        tabs.add(getTranslation("member.tab.profile"), profile());
        tabs.add(getTranslation("member.tab.people"), people());
        tabs.add(getTranslation("member.tab.history"), history());
        if (isAdmin) {
            tabs.add(getTranslation("member.tab.audit"),
                    new AuditLogGrid(audit, "member", String.valueOf(member.id())));
        }
        add(new RouterLink(getTranslation("import.back"), MembersView.class), new H1(member.name()), tabs);
    }

    private Component profile() {
        NumberFormat numbers = NumberFormat.getIntegerInstance(getLocale());
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        // notes reach administrators only; others would see an always-empty field
        TextField notes = Fields.readOnly(this, "members.notes", member.notes());
        notes.setVisible(isAdmin);
        FormLayout form = new FormLayout(
                Fields.readOnly(this, "members.name", member.name()),
                Fields.readOnly(this, "members.code", member.code()),
                Fields.readOnly(this, "members.kind",
                        member.kind() == null ? "" : getTranslation("members.kind." + member.kind())),
                Fields.readOnly(this, "members.country", member.country()),
                Fields.readOnly(this, "members.region", member.region()),
                Fields.readOnly(this, "members.population",
                        member.population() == null ? "" : numbers.format(member.population())),
                Fields.readOnly(this, "members.populationYear", member.populationYear() == null ? ""
                        : String.valueOf(member.populationYear())),
                Fields.readOnly(this, "members.address", member.address()),
                Fields.readOnly(this, "members.website", member.website()),
                Fields.readOnly(this, "members.status", getTranslation("members.status." + member.membershipStatus())),
                Fields.readOnly(this, "member.since", member.membershipSince() == null ? ""
                        : dates.format(member.membershipSince())),
                notes);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2));
        Button edit = new Button(getTranslation("common.edit"), VaadinIcon.EDIT.create(), click ->
                new MemberDialog(members.get(member.id()), members, validation, () -> {
                    member = members.get(member.id());
                    render();
                }).open());
        edit.setId("edit-member");
        edit.setVisible(isAdmin);
        return new VerticalLayout(form, edit);
    }

    private Component people() {
        Grid<PersonResponse> grid = new Grid<>(PersonResponse.class, false);
        grid.setId("member-people");
        grid.addColumn(person -> person.firstName() + " " + person.lastName())
                .setHeader(getTranslation("member.people.name")).setFlexGrow(2);
        grid.addColumn(PersonResponse::position).setHeader(getTranslation("member.people.position"));
        grid.addColumn(PersonResponse::email).setHeader(getTranslation("member.people.email"));
        grid.addColumn(PersonResponse::phone).setHeader(getTranslation("member.people.phone"));
        grid.addColumn(PersonResponse::username).setHeader(getTranslation("member.people.account"));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setItems(people.ofMember(member.id(), 0, PEOPLE_SHOWN).items());
        return grid;
    }

    private Component history() {
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        List<MembershipHistoryEntry> entries = members.membershipHistory(member.id());
        // Newest first: each status lasted until the next newer change took effect.
        List<HistoryRow> rows = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            rows.add(new HistoryRow(entries.get(i), i == 0 ? null : entries.get(i - 1).effectiveOn()));
        }
        Grid<HistoryRow> grid = new Grid<>(HistoryRow.class, false);
        grid.setId("member-history");
        grid.addColumn(row -> getTranslation("members.status." + row.entry().toStatus()))
                .setHeader(getTranslation("member.history.status"));
        grid.addColumn(row -> dates.format(row.entry().effectiveOn())).setHeader(getTranslation("member.history.from"));
        grid.addColumn(row -> row.until() == null ? "" : dates.format(row.until()))
                .setHeader(getTranslation("member.history.to"));
        grid.addColumn(row -> row.entry().changedBy()).setHeader(getTranslation("member.history.changedBy"))
                .setVisible(isAdmin);
        grid.addColumn(row -> row.entry().note()).setHeader(getTranslation("member.history.note")).setFlexGrow(2)
                .setVisible(isAdmin);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setItems(rows);
        Button change = new Button(getTranslation("membership.change"), VaadinIcon.EXCHANGE.create(), click ->
                new MembershipDialog(member, members, () -> {
                    member = members.get(member.id());
                    render();
                    tabs.setSelectedIndex(HISTORY_TAB);
                }).open());
        change.setId("change-membership");
        change.setVisible(isAdmin);
        return new VerticalLayout(change, grid);
    }

    @Override
    public String getPageTitle() {
        return (member == null ? getTranslation("members.title") : member.name()) + " · Koopera";
    }

    /** A history entry with the day its status ended, if it has. */
    record HistoryRow(MembershipHistoryEntry entry, LocalDate until) {
    }
}
