package eu.koopera.partnerships.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import eu.koopera.members.MemberResponse;
import eu.koopera.members.MemberService;
import eu.koopera.partnerships.AgreementResponse;
import eu.koopera.partnerships.AgreementService;
import eu.koopera.partnerships.AgreementStatus;
import eu.koopera.partnerships.AgreementType;
import eu.koopera.platform.security.Roles;
import eu.koopera.ui.forms.AddressState;
import eu.koopera.ui.forms.CommandValidation;
import eu.koopera.ui.forms.FilterBar;
import eu.koopera.ui.forms.FilterFields;
import eu.koopera.ui.forms.NarrowScreens;
import eu.koopera.ui.layout.MainLayout;
import eu.koopera.ui.session.AllowedRoles;
import eu.koopera.ui.session.UiSessions;
import io.micronaut.context.annotation.Prototype;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The agreements the user's association owns or has confirmed, filtered by type, status and member in the
 * database a page at a time; administrators and coordinators record new ones.
 */
@Menu(title = "nav.partnerships", order = 37, icon = "vaadin:handshake")
@Route(value = "partnerships", layout = MainLayout.class)
@AllowedRoles({Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR})
@Prototype
public class AgreementsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final AgreementService agreements;
    private final MemberService members;
    private final Grid<AgreementResponse> grid = new Grid<>(AgreementResponse.class, false);
    private final Select<AgreementType> type = new Select<>();
    private final Select<AgreementStatus> status = new Select<>();
    private final ComboBox<MemberResponse> member;
    private final Span total = new Span();
    private boolean restoring;

    public AgreementsView(AgreementService agreements, MemberService members, AgreementLinks links,
                          CommandValidation validation, UiSessions sessions) {
        this.agreements = agreements;
        this.members = members;
        setSizeFull();
        Runnable refresh = this::refresh;
        FilterFields.oneOrAll(type, "partnerships.type", "agreement-type-filter", List.of(AgreementType.values()),
                value -> getTranslation("partnerships.type." + value), refresh);
        FilterFields.oneOrAll(status, "partnerships.status", "agreement-status-filter",
                List.of(AgreementStatus.values()), value -> getTranslation("partnerships.status." + value), refresh);
        member = new OwnMemberPicker("partnerships.member", "agreement-member-filter", members);
        member.setClearButtonVisible(true);
        member.setPlaceholder(getTranslation("common.all"));
        member.addValueChangeListener(change -> refresh());
        Button create = new Button(getTranslation("partnerships.create"), VaadinIcon.PLUS.create(),
                click -> new AgreementDialog(null, agreements, members, links, validation,
                        saved -> getUI().ifPresent(ui -> ui.navigate("partnerships/" + saved.id()))).open());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("create-agreement");
        RouterLink confirmations = new RouterLink(getTranslation("partnerships.confirmations"),
                ConfirmationsView.class);
        confirmations.setId("agreement-confirmations-link");
        // only administrators confirm, as the service decides
        confirmations.setVisible(sessions.current().map(session -> session.hasRole(Roles.ASSOCIATION_ADMIN))
                .orElse(false));
        FilterBar filters = new FilterBar("agreements-bar", null, List.of(type, status, member),
                List.of(create, confirmations));
        configureGrid();
        total.setId("agreements-total");
        total.addClassName("koopera-total");
        add(new H1(getTranslation("partnerships.title")), filters, total, grid);
    }

    /** The filters come from the address, so that reload and bookmarks keep them. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters parameters = event.getLocation().getQueryParameters();
        restoring = true;
        try {
            type.setValue(AddressState.constant(parameters, "type", AgreementType.class).orElse(null));
            status.setValue(AddressState.constant(parameters, "status", AgreementStatus.class).orElse(null));
            member.setValue(AddressState.first(parameters, "member").flatMap(AgreementsView::number)
                    .map(id -> {
                        try {
                            return members.get(id);
                        } catch (RuntimeException e) {
                            return null; // a member no longer in the register: no filter
                        }
                    }).orElse(null));
        } finally {
            restoring = false;
        }
        grid.getDataProvider().refreshAll();
    }

    private static java.util.Optional<Long> number(String text) {
        try {
            return java.util.Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        if (restoring) {
            return;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        if (type.getValue() != null) {
            parameters.put("type", type.getValue().name());
        }
        if (status.getValue() != null) {
            parameters.put("status", status.getValue().name());
        }
        if (member.getValue() != null) {
            parameters.put("member", Long.toString(member.getValue().id()));
        }
        AddressState.remember(this, "partnerships", parameters);
    }

    private Long memberId() {
        return member.getValue() == null ? null : member.getValue().id();
    }

    private void configureGrid() {
        Locale locale = getLocale();
        grid.setId("agreements");
        grid.addColumn(agreement -> getTranslation("partnerships.type." + agreement.type()))
                .setHeader(getTranslation("partnerships.type")).setAutoWidth(true);
        grid.addColumn(titleLink(locale)).setHeader(getTranslation("partnerships.agreementTitle"))
                .setWidth("12rem").setFlexGrow(4);
        Grid.Column<AgreementResponse> parties = grid.addColumn(AgreementTexts::parties)
                .setHeader(getTranslation("partnerships.parties")).setWidth("10rem").setFlexGrow(3);
        grid.addColumn(agreement -> getTranslation("partnerships.status." + agreement.status()))
                .setHeader(getTranslation("partnerships.status")).setAutoWidth(true);
        Grid.Column<AgreementResponse> period = grid.addColumn(agreement -> AgreementTexts.period(this, agreement))
                .setHeader(getTranslation("partnerships.period")).setWidth("11rem").setFlexGrow(1);
        Grid.Column<AgreementResponse> review = grid.addColumn(agreement ->
                        AgreementTexts.date(agreement.nextReviewOn(), locale))
                .setHeader(getTranslation("partnerships.nextReview")).setWidth("8rem").setFlexGrow(0);
        // on a phone: the type, the title and the status
        NarrowScreens.hideOnPhone(grid, List.of(parties, period, review));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText(getTranslation("partnerships.empty"));
        grid.setSizeFull();
        grid.setPageSize(50);
        grid.setItems(query -> agreements.search(type.getValue(), status.getValue(), memberId(), query.getPage(),
                query.getPageSize()).items().stream(), query -> {
                    int count = agreements.search(type.getValue(), status.getValue(), memberId(), 0, 1).total();
                    total.setText(getTranslation("partnerships.total", count));
                    return count;
                });
    }

    /** The title as a link to the agreement's page. */
    static LitRenderer<AgreementResponse> titleLink(Locale locale) {
        return LitRenderer.<AgreementResponse>of("<a router-link href=\"partnerships/${item.id}\">${item.title}</a>")
                .withProperty("id", agreement -> agreement.id().toString())
                .withProperty("title", agreement -> AgreementTexts.title(agreement, locale));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("partnerships.title") + " · Koopera";
    }
}
