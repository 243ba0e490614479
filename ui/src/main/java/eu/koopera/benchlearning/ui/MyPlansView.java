package eu.koopera.benchlearning.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import eu.koopera.benchlearning.Plan;
import eu.koopera.benchlearning.PlanService;
import eu.koopera.members.MemberResponse;
import eu.koopera.people.PeopleService;
import eu.koopera.platform.security.Roles;
import eu.koopera.ui.layout.MainLayout;
import eu.koopera.ui.session.AllowedRoles;
import io.micronaut.context.annotation.Prototype;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * The member portal's "Our improvement plans": the user's own organisation's plans with how far each has come (from
 * the values imported since its baseline); a plan opens in the editor, and a new one is started there.
 */
@Menu(title = "nav.myPlans", order = 15, icon = "vaadin:clipboard-check")
@Route(value = "my-plans", layout = MainLayout.class)
@AllowedRoles({Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR, Roles.MEMBER})
@Prototype
public class MyPlansView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final PlanService plans;
    private final Grid<Plan> grid = new Grid<>();
    private final Span total = new Span();
    private @Nullable MemberResponse own;

    public MyPlansView(PeopleService people, PlanService plans) {
        this.plans = plans;
        add(new H1(getTranslation("bench.plans.title")));
        own = people.me().member();
        if (own == null) {
            Paragraph none = new Paragraph(getTranslation("bench.position.noMember"));
            none.setId("my-plans-no-member");
            add(none);
            return;
        }
        Button create = new Button(getTranslation("bench.plans.create"), VaadinIcon.PLUS.create(),
                click -> UI.getCurrent().navigate(PlanEditorView.ROUTE + "new"));
        create.setId("create-my-plan");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        total.setId("my-plans-total");
        total.addClassName("koopera-total");
        grid.setId("my-plans");
        grid.addColumn(LitRenderer.<Plan>of("<a router-link href=\"" + PlanEditorView.ROUTE
                        + "${item.id}\">${item.service}</a>")
                        .withProperty("id", plan -> Long.toString(plan.id()))
                        .withProperty("service", Plan::service))
                .setHeader(getTranslation("bench.plan.service")).setFlexGrow(1);
        grid.addColumn(plan -> getTranslation("bench.plans.status." + plan.status()))
                .setHeader(getTranslation("bench.plans.status")).setAutoWidth(true);
        grid.addColumn(plan -> PlanProgressPanel.percent(this, getLocale(), plan.progressPercent()))
                .setHeader(getTranslation("bench.plan.progress")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(getTranslation("bench.plans.none"));
        grid.setAllRowsVisible(true);
        add(new Paragraph(own.name()), create, total, grid);
    }

    /** Read on every visit, also when the menu is clicked on this page, so that new values show at once. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (own == null) {
            return;
        }
        List<Plan> list = plans.list(own.id());
        grid.setItems(list);
        total.setText(getTranslation("bench.plans.total", list.size()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("bench.plans.title") + " · Koopera";
    }
}
