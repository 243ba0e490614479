package eu.koopera.benchlearning.ui;

import com.vaadin.flow.component.UI;
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
import eu.koopera.benchlearning.Plan;
import eu.koopera.benchlearning.PlanService;
import eu.koopera.benchlearning.PlanStatus;
import eu.koopera.members.MemberResponse;
import eu.koopera.members.MemberSearch;
import eu.koopera.members.MemberService;
import eu.koopera.networks.NetworkResponse;
import eu.koopera.networks.NetworkService;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.AddressState;
import eu.koopera.ui.forms.FilterBar;
import eu.koopera.ui.forms.FilterFields;
import eu.koopera.ui.forms.Fields;
import eu.koopera.ui.forms.NarrowScreens;
import eu.koopera.ui.layout.MainLayout;
import eu.koopera.ui.session.AllowedRoles;
import io.micronaut.context.annotation.Prototype;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every member's improvement plans for the association's staff: whose, which service, in which network, where it
 * stands and how far it has come, filtered by municipality and status (kept in the address); a plan opens in the
 * editor.
 */
@Menu(title = "nav.benchPlans", order = 48, icon = "vaadin:clipboard-check")
@Route(value = "benchlearning/plans", layout = MainLayout.class)
@AllowedRoles({Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR})
@Prototype
public class PlansView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private static final int NETWORKS_NAMED = 200;

    private final PlanService plans;
    private final MemberService members;
    private final ComboBox<MemberResponse> member = new ComboBox<>();
    private final Select<PlanStatus> status = new Select<>();
    private final Grid<Plan> grid = new Grid<>();
    private final Span total = new Span();
    private final Map<UUID, String> networkNames;
    private boolean restoring;

    public PlansView(PlanService plans, MemberService members, NetworkService networks) {
        this.plans = plans;
        this.members = members;
        String language = BenchViews.language(this);
        this.networkNames = networks.search(null, null, 0, NETWORKS_NAMED).items().stream()
                .collect(Collectors.toMap(NetworkResponse::id, network -> network.name().in(language)));
        setSizeFull();
        member.setLabel(getTranslation("bench.plan.member"));
        member.setId("plans-member-filter");
        member.setPlaceholder(getTranslation("common.all"));
        member.setClearButtonVisible(true);
        member.setItemLabelGenerator(found -> found.name() + " (" + found.code() + ")");
        member.setItems(query -> members.search(MemberSearch.text(query.getFilter()
                .filter(text -> !text.isBlank()).map(String::strip).orElse(null)), query.getPage(),
                query.getPageSize()).items().stream());
        member.addValueChangeListener(change -> refresh());
        FilterFields.oneOrAll(status, "bench.plans.status", "plans-status-filter", List.of(PlanStatus.values()),
                value -> getTranslation("bench.plans.status." + value), this::refresh);
        Button create = new Button(getTranslation("bench.plans.create"), VaadinIcon.PLUS.create(),
                click -> UI.getCurrent().navigate(PlanEditorView.ROUTE + "new", member.getValue() == null
                        ? QueryParameters.empty()
                        : QueryParameters.simple(Map.of("member", member.getValue().id().toString()))));
        create.setId("create-plan");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        configureGrid();
        total.setId("plans-total");
        total.addClassName("koopera-total");
        add(new H1(getTranslation("bench.plans.all")), new FilterBar("plans-bar", null, List.of(member, status),
                List.of(create)), total, grid);
    }

    private void configureGrid() {
        grid.setId("plans");
        grid.addColumn(Plan::memberName).setHeader(getTranslation("bench.plan.member")).setAutoWidth(true)
                .setSortable(true);
        grid.addColumn(LitRenderer.<Plan>of("<a router-link href=\"" + PlanEditorView.ROUTE
                        + "${item.id}\">${item.service}</a>")
                        .withProperty("id", plan -> Long.toString(plan.id()))
                        .withProperty("service", Plan::service))
                .setHeader(getTranslation("bench.plan.service")).setFlexGrow(1);
        Grid.Column<Plan> network = grid.addColumn(plan -> plan.network() == null ? Fields.NOT_KNOWN
                : networkNames.getOrDefault(plan.network(), Fields.NOT_KNOWN))
                .setHeader(getTranslation("bench.plan.network")).setAutoWidth(true);
        grid.addColumn(plan -> getTranslation("bench.plans.status." + plan.status()))
                .setHeader(getTranslation("bench.plans.status")).setAutoWidth(true);
        grid.addColumn(plan -> PlanProgressPanel.percent(this, getLocale(), plan.progressPercent()))
                .setHeader(getTranslation("bench.plan.progress")).setAutoWidth(true);
        // on a phone: the municipality, the service, the status and the progress
        NarrowScreens.hideOnPhone(grid, List.of(network));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(getTranslation("bench.plans.none"));
        grid.setSizeFull();
    }

    /** The municipality and the status come from the address, so that reload and bookmarks keep them. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters parameters = event.getLocation().getQueryParameters();
        restoring = true;
        try {
            member.setValue(AddressState.first(parameters, "member").flatMap(value -> {
                try {
                    return java.util.Optional.of(members.get(Long.parseLong(value)));
                } catch (NumberFormatException | ApiException e) {
                    return java.util.Optional.<MemberResponse>empty();
                }
            }).orElse(null));
            status.setValue(AddressState.constant(parameters, "status", PlanStatus.class).orElse(null));
        } finally {
            restoring = false;
        }
        refresh();
    }

    private void refresh() {
        if (restoring) {
            return;
        }
        List<Plan> shown = plans.list(member.getValue() == null ? null : member.getValue().id()).stream()
                .filter(plan -> status.getValue() == null || plan.status() == status.getValue()).toList();
        grid.setItems(shown);
        total.setText(getTranslation("bench.plans.total", shown.size()));
        Map<String, String> parameters = new LinkedHashMap<>();
        if (member.getValue() != null) {
            parameters.put("member", member.getValue().id().toString());
        }
        if (status.getValue() != null) {
            parameters.put("status", status.getValue().name());
        }
        AddressState.remember(this, "benchlearning/plans", parameters);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("bench.plans.all") + " · Koopera";
    }
}
