package eu.koopera.benchlearning.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import eu.koopera.benchlearning.ChartFormat;
import eu.koopera.benchlearning.ChartService;
import eu.koopera.benchlearning.ComparisonService;
import eu.koopera.benchlearning.ComparisonTables;
import eu.koopera.benchlearning.Indicator;
import eu.koopera.benchlearning.IndicatorService;
import eu.koopera.benchlearning.Plan;
import eu.koopera.benchlearning.PlanService;
import eu.koopera.benchlearning.Trend;
import eu.koopera.benchlearning.WeakSpot;
import eu.koopera.members.MemberResponse;
import eu.koopera.people.PeopleService;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.tabular.TableWriter;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.layout.MainLayout;
import eu.koopera.ui.session.AllowedRoles;
import io.micronaut.context.annotation.Prototype;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The member portal's "My position": for the user's own member organisation, the indicators on which it is in the
 * worst quarter of all the association's members in the latest year, its improvement plans' progress (from the values
 * imported since each baseline), and an indicator's trend against the peers' median, with downloads.
 */
@Menu(title = "nav.myPosition", order = 14, icon = "vaadin:chart-line")
@Route(value = "my-position", layout = MainLayout.class)
@AllowedRoles({Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR, Roles.MEMBER})
@Prototype
public class MyPositionView extends VerticalLayout implements HasDynamicTitle {

    private final ComparisonService comparisons;
    private final ChartService charts;
    private final TableWriter tables;
    private final Div trendArea = new Div();

    public MyPositionView(PeopleService people, ComparisonService comparisons, ChartService charts,
                          TableWriter tables, IndicatorService indicators, PlanService plans) {
        this.comparisons = comparisons;
        this.charts = charts;
        this.tables = tables;
        add(new H1(getTranslation("bench.position.title")));
        MemberResponse own = people.me().member();
        if (own == null) {
            Paragraph none = new Paragraph(getTranslation("bench.position.noMember"));
            none.setId("position-no-member");
            add(none);
            return;
        }
        add(new Paragraph(own.name()));
        List<WeakSpot> spots = weakSpots(own.id());
        String language = BenchViews.language(this);
        add(new H2(getTranslation("bench.position.weak")));
        if (spots.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("bench.position.weakNone"));
            none.setId("weak-spots-none");
            add(none);
        } else {
            add(weakSpotGrid(spots, language), downloads(BenchViews.tableDownloads(this, tables, "bottom-quartile",
                    ComparisonTables.WEAK_SPOTS, () -> ComparisonTables.weakSpots(weakSpots(own.id()), language),
                    "download-weak-spots")));
        }
        List<Indicator> catalogue = indicators.list(null);
        Map<String, Indicator> byCode = catalogue.stream()
                .collect(Collectors.toMap(Indicator::code, Function.identity()));
        RouterLink toPlans = new RouterLink(getTranslation("bench.plans.open"), MyPlansView.class);
        toPlans.setId("position-plans-link");
        add(new H2(getTranslation("bench.plans.title")), plans(plans.list(own.id()), byCode, language), toPlans);
        if (!catalogue.isEmpty()) {
            ComboBox<Indicator> indicator = new ComboBox<>(getTranslation("bench.compare.indicator"));
            indicator.setId("position-indicator");
            indicator.setItems(catalogue);
            indicator.setItemLabelGenerator(item -> item.name().in(language) + " (" + item.code() + ")");
            indicator.setWidth("24em");
            indicator.addValueChangeListener(e -> showTrend(own, e.getValue()));
            trendArea.setId("position-trend");
            trendArea.setWidthFull();
            add(new H2(getTranslation("bench.position.trend")), indicator, trendArea);
            String first = spots.isEmpty() ? catalogue.getFirst().code() : spots.getFirst().indicator();
            catalogue.stream().filter(item -> item.code().equals(first)).findFirst().ifPresent(indicator::setValue);
        }
    }

    private Div plans(List<Plan> plans, Map<String, Indicator> indicators, String language) {
        Div list = new Div();
        list.setId("plans");
        if (plans.isEmpty()) {
            list.add(new Paragraph(getTranslation("bench.plans.none")));
        }
        for (Plan plan : plans) {
            Div card = new Div(new H3(plan.service()));
            card.setId("plan-" + plan.id());
            card.addClassName("koopera-card");
            card.add(new Paragraph(getTranslation("bench.plans.status") + ": "
                    + getTranslation("bench.plans.status." + plan.status())));
            for (Plan.Target target : plan.targets()) {
                Indicator indicator = indicators.get(target.indicator());
                String name = indicator == null ? target.indicator() : indicator.name().in(language);
                String latest = target.latestValue() == null ? getTranslation("bench.figures.none")
                        : getTranslation("bench.plans.latest", BenchViews.number(getLocale(),
                        target.latestValue()), target.latestYear());
                String progress = target.progressPercent() == null ? ""
                        : " · " + getTranslation("bench.plans.progress", BenchViews.number(getLocale(),
                        target.progressPercent()));
                Paragraph line = new Paragraph(name + ": " + getTranslation("bench.plans.target",
                        BenchViews.number(getLocale(), target.baselineValue()), target.baselineYear(),
                        BenchViews.number(getLocale(), target.targetValue()), target.targetYear()) + "; "
                        + latest + progress + (target.reached() ? " · " + getTranslation("bench.plans.reached")
                        : ""));
                line.addClassName("plan-target");
                card.add(line);
            }
            list.add(card);
        }
        return list;
    }

    private List<WeakSpot> weakSpots(long member) {
        try {
            return comparisons.weakSpots(member, null, null);
        } catch (ApiException.NotFound e) {
            return List.of();
        }
    }

    private Grid<WeakSpot> weakSpotGrid(List<WeakSpot> spots, String language) {
        Grid<WeakSpot> grid = new Grid<>();
        grid.setId("weak-spots");
        grid.addColumn(spot -> spot.name().in(language)).setHeader(getTranslation("bench.column.indicator"))
                .setFlexGrow(1).setFooter(getTranslation("bench.position.weakTotal", spots.size()));
        grid.addColumn(spot -> BenchViews.number(getLocale(), spot.value()) + (spot.unit() == null ? ""
                : " " + spot.unit())).setHeader(getTranslation("bench.column.value")).setAutoWidth(true);
        grid.addColumn(spot -> getTranslation("bench.figures.rankOf", spot.rank(), spot.of()))
                .setHeader(getTranslation("bench.column.rank")).setAutoWidth(true);
        grid.addColumn(spot -> BenchViews.number(getLocale(), spot.median()))
                .setHeader(getTranslation("bench.column.median")).setAutoWidth(true);
        grid.setItems(spots);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private void showTrend(MemberResponse own, Indicator indicator) {
        trendArea.removeAll();
        if (indicator == null) {
            return;
        }
        trendArea.add(BenchViews.source(this, indicator));
        String language = BenchViews.language(this);
        Trend trend;
        try {
            trend = comparisons.trend(indicator.code(), own.id(), null, null, null);
        } catch (ApiException.NotFound e) {
            trendArea.add(new Paragraph(getTranslation("bench.compare.noValues")));
            return;
        }
        if (trend.points().isEmpty()) {
            trendArea.add(new Paragraph(getTranslation("bench.compare.noValues")));
            return;
        }
        trendArea.add(BenchViews.chart(charts.trend(trend, ChartFormat.SVG, language),
                        getTranslation("bench.chart.trend"), "position-trend-chart"),
                downloads(BenchViews.chartDownloads(this, format -> charts.trend(trend, format, language),
                        "download-position-trend")),
                downloads(BenchViews.tableDownloads(this, tables, "trend-" + indicator.code(),
                        ComparisonTables.TREND, () -> ComparisonTables.trend(trend), "download-position-table")));
    }

    private HorizontalLayout downloads(List<? extends com.vaadin.flow.component.Component> links) {
        HorizontalLayout row = new HorizontalLayout();
        row.setWrap(true);
        links.forEach(row::add);
        return row;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("bench.position.title") + " · Koopera";
    }
}
