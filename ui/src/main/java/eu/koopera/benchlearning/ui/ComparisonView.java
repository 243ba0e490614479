package eu.koopera.benchlearning.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import eu.koopera.benchlearning.ChartFormat;
import eu.koopera.benchlearning.ChartService;
import eu.koopera.benchlearning.Comparison;
import eu.koopera.benchlearning.ComparisonService;
import eu.koopera.benchlearning.ComparisonTables;
import eu.koopera.benchlearning.Indicator;
import eu.koopera.benchlearning.IndicatorService;
import eu.koopera.benchlearning.PeerGroup;
import eu.koopera.benchlearning.PeerGroupService;
import eu.koopera.benchlearning.Trend;
import eu.koopera.members.MemberResponse;
import eu.koopera.members.MemberService;
import eu.koopera.people.PeopleService;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.tabular.TableWriter;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.CommandValidation;
import eu.koopera.ui.layout.MainLayout;
import eu.koopera.ui.session.AllowedRoles;
import io.micronaut.context.annotation.Prototype;
import io.micronaut.core.annotation.Nullable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The comparison page: a municipality, an indicator, a peer group and a year give the ranked bars of the peers with
 * the municipality highlighted, its key figures (value, rank of N, percentile, quartile in words and colour, mean,
 * median, best, worst), the peers' table, its trend against the peers' median from the baseline and the group's box
 * plot, each chart and table downloadable. The choices live in the address ({@code member}, {@code indicator},
 * {@code group} or {@code network} — a network's peer group —, {@code year}, {@code gender}); opened without any,
 * the page starts from the user's own organisation when their account is linked to one.
 */
@Menu(title = "nav.benchCompare", order = 46, icon = "vaadin:chart-3d")
@Route(value = "benchlearning/compare", layout = MainLayout.class)
@AllowedRoles({Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR, Roles.MEMBER})
@Prototype
public class ComparisonView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final ComparisonService comparisons;
    private final ChartService charts;
    private final TableWriter tables;
    private final ComboBox<MemberResponse> member = new ComboBox<>();
    private final ComboBox<Indicator> indicator = new ComboBox<>();
    private final ComboBox<PeerGroup> group = new ComboBox<>();
    private final IntegerField year = new IntegerField();
    private final Select<String> gender = new Select<>();
    private final Div results = new Div();
    /** The organisation the user's account is linked to, chosen when the page opens without choices. */
    private final @Nullable Long ownOrganisation;
    private boolean restoring;

    public ComparisonView(ComparisonService comparisons, ChartService charts, TableWriter tables,
                          IndicatorService indicators, MemberService members, PeerGroupService groups,
                          PeopleService people) {
        this.comparisons = comparisons;
        MemberResponse own = people.me().member();
        this.ownOrganisation = own == null ? null : own.id();
        this.charts = charts;
        this.tables = tables;
        String language = BenchViews.language(this);
        member.setLabel(getTranslation("bench.compare.member"));
        member.setId("compare-member");
        member.setItems(BenchViews.register(members));
        member.setItemLabelGenerator(MemberResponse::name);
        member.setClearButtonVisible(true);
        indicator.setLabel(getTranslation("bench.compare.indicator"));
        indicator.setId("compare-indicator");
        List<Indicator> catalogue = indicators.list(null);
        indicator.setItems(catalogue);
        indicator.setItemLabelGenerator(item -> item.name().in(language) + " (" + item.code() + ")");
        indicator.setWidth("24em");
        group.setLabel(getTranslation("bench.compare.group"));
        group.setId("compare-group");
        group.setItems(groups.list());
        group.setItemLabelGenerator(PeerGroup::name);
        group.setPlaceholder(getTranslation("bench.compare.allMembers"));
        group.setClearButtonVisible(true);
        year.setLabel(getTranslation("bench.compare.year"));
        year.setId("compare-year");
        year.setMin(1990);
        year.setMax(2100);
        year.setPlaceholder(getTranslation("bench.compare.latestYear"));
        year.setClearButtonVisible(true);
        gender.setLabel(getTranslation("bench.compare.gender"));
        gender.setId("compare-gender");
        gender.setItems("T", "F", "M");
        gender.setItemLabelGenerator(code -> getTranslation("bench.gender." + code));
        gender.setValue("T");
        gender.setVisible(false);
        member.addValueChangeListener(e -> refresh());
        indicator.addValueChangeListener(e -> {
            gender.setVisible(e.getValue() != null && e.getValue().genderSplit());
            refresh();
        });
        group.addValueChangeListener(e -> refresh());
        year.addValueChangeListener(e -> refresh());
        gender.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(member, indicator, group, year, gender);
        filters.setWrap(true);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        results.setId("comparison-results");
        results.setWidthFull();
        add(new H1(getTranslation("bench.compare.title")), filters, results);
        if (catalogue.isEmpty()) {
            results.add(new Paragraph(getTranslation("bench.compare.noIndicators")));
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        restoring = true;
        try {
            first(parameters, "member").flatMap(ComparisonView::id).flatMap(id -> member.getListDataView()
                    .getItems().filter(item -> id.equals(item.id())).findFirst()).ifPresent(member::setValue);
            first(parameters, "indicator").flatMap(code -> indicator.getListDataView().getItems()
                    .filter(item -> item.code().equals(code)).findFirst()).ifPresent(indicator::setValue);
            first(parameters, "group").flatMap(ComparisonView::id).flatMap(id -> group.getListDataView()
                    .getItems().filter(item -> item.id() == id).findFirst()).ifPresent(group::setValue);
            first(parameters, "network").filter(id -> !parameters.containsKey("group"))
                    .flatMap(id -> group.getListDataView().getItems()
                            .filter(item -> item.network() != null && item.network().toString().equals(id))
                            .findFirst()).ifPresent(group::setValue);
            if (parameters.isEmpty() && ownOrganisation != null) {
                member.getListDataView().getItems().filter(item -> ownOrganisation.equals(item.id())).findFirst()
                        .ifPresent(member::setValue);
            }
            first(parameters, "year").flatMap(ComparisonView::id).ifPresent(value -> year.setValue(value.intValue()));
            first(parameters, "gender").filter(List.of("T", "F", "M")::contains).ifPresent(gender::setValue);
        } finally {
            restoring = false;
        }
        refresh();
    }

    private void refresh() {
        if (restoring) {
            return;
        }
        rememberInAddress();
        results.removeAll();
        Indicator chosen = indicator.getValue();
        if (chosen == null) {
            results.add(new Paragraph(getTranslation(indicator.getListDataView().getItemCount() == 0
                    ? "bench.compare.noIndicators" : "bench.compare.choose")));
            return;
        }
        Long memberId = member.getValue() == null ? null : member.getValue().id();
        Long groupId = group.getValue() == null ? null : group.getValue().id();
        String sex = gender.isVisible() ? gender.getValue() : null;
        String language = BenchViews.language(this);
        Comparison comparison;
        try {
            comparison = comparisons.compare(chosen.code(), memberId, groupId, year.getValue(), sex);
        } catch (ApiException.NotFound e) {
            results.add(BenchViews.source(this, chosen), new Paragraph(getTranslation("bench.compare.noValues")));
            return;
        } catch (ApiException e) {
            CommandValidation.notifyError(this, e);
            return;
        }
        results.add(BenchViews.source(this, chosen));
        if (comparison.peers().isEmpty()) {
            results.add(new Paragraph(getTranslation("bench.compare.noValues")));
            return;
        }
        results.add(new H2(getTranslation("bench.figures.title")), figures(comparison));
        results.add(new H2(getTranslation("bench.chart.ranked")),
                BenchViews.chart(charts.comparison(comparison, ChartFormat.SVG, language),
                        getTranslation("bench.chart.ranked"), "comparison-chart"),
                downloads(BenchViews.chartDownloads(this, format -> charts.comparison(comparison, format, language),
                        "download-comparison")));
        results.add(new H2(getTranslation("bench.peers.title")), peers(comparison),
                downloads(BenchViews.tableDownloads(this, tables, "comparison-" + chosen.code(),
                        ComparisonTables.PEERS, () -> ComparisonTables.peers(comparison), "download-peers")));
        if (memberId != null) {
            Trend trend = comparisons.trend(chosen.code(), memberId, groupId, null, sex);
            results.add(new H2(getTranslation("bench.chart.trend")),
                    BenchViews.chart(charts.trend(trend, ChartFormat.SVG, language),
                            getTranslation("bench.chart.trend"), "trend-chart"),
                    downloads(BenchViews.chartDownloads(this, format -> charts.trend(trend, format, language),
                            "download-trend")),
                    downloads(BenchViews.tableDownloads(this, tables, "trend-" + chosen.code(),
                            ComparisonTables.TREND, () -> ComparisonTables.trend(trend), "download-trend-table")));
        }
        results.add(new H2(getTranslation("bench.chart.box")),
                BenchViews.chart(charts.box(comparison, ChartFormat.SVG, language),
                        getTranslation("bench.chart.box"), "box-chart"),
                downloads(BenchViews.chartDownloads(this, format -> charts.box(comparison, format, language),
                        "download-box")));
    }

    private Div figures(Comparison comparison) {
        Div figures = new Div();
        figures.setId("key-figures");
        figures.addClassName("koopera-card");
        figures.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("column-gap", "2em");
        String none = getTranslation("bench.figures.none");
        figures.add(figure("value", comparison.value() == null ? none : number(comparison.value())));
        figures.add(figure("rank", comparison.rank() == null ? none
                : getTranslation("bench.figures.rankOf", comparison.rank(), comparison.of())));
        figures.add(figure("percentile", comparison.percentile() == null ? none : number(comparison.percentile())));
        if (comparison.quartile() != null) {
            Span chip = new Span(getTranslation("bench.quartile." + comparison.quartile()));
            chip.setId("figure-quartile");
            chip.getStyle().set("border-left", "1.2em solid " + QUARTILE_COLOURS[comparison.quartile() - 1])
                    .set("padding-left", "0.4em");
            figures.add(new Paragraph(new Span(getTranslation("bench.figures.quartile") + ": "), chip));
        }
        figures.add(figure("mean", comparison.mean() == null ? none : number(comparison.mean())));
        figures.add(figure("median", comparison.median() == null ? none : number(comparison.median())));
        figures.add(figure("best", comparison.best() == null ? none : number(comparison.best())));
        figures.add(figure("worst", comparison.worst() == null ? none : number(comparison.worst())));
        return figures;
    }

    /** The charts' Okabe–Ito quartile colours, the words beside them say the same. */
    private static final String[] QUARTILE_COLOURS = {"#009E73", "#F0E442", "#E69F00", "#D55E00"};

    private Paragraph figure(String key, String value) {
        Paragraph line = new Paragraph(getTranslation("bench.figures." + key) + ": " + value);
        line.setId("figure-" + key);
        return line;
    }

    private Div peers(Comparison comparison) {
        Grid<Comparison.Peer> grid = new Grid<>();
        grid.setId("peers");
        grid.addColumn(Comparison.Peer::rank).setHeader(getTranslation("bench.column.rank")).setAutoWidth(true);
        grid.addColumn(peer -> peer.name() + (peer.self() ? " ◀" : "")).setHeader(getTranslation("bench.column.name"))
                .setFlexGrow(1).setFooter(getTranslation("bench.peers.total", comparison.peers().size()));
        grid.addColumn(peer -> number(peer.value())).setHeader(getTranslation("bench.column.value"))
                .setAutoWidth(true);
        grid.addColumn(peer -> peer.quartile() == null ? "" : getTranslation("bench.quartile." + peer.quartile()))
                .setHeader(getTranslation("bench.column.quartile")).setAutoWidth(true);
        grid.setPartNameGenerator(peer -> peer.self() ? "self" : null);
        grid.setItems(comparison.peers());
        grid.setAllRowsVisible(true);
        return new Div(grid);
    }

    private HorizontalLayout downloads(List<? extends com.vaadin.flow.component.Component> links) {
        HorizontalLayout row = new HorizontalLayout();
        row.setWrap(true);
        links.forEach(row::add);
        return row;
    }

    private String number(Number value) {
        return BenchViews.number(getLocale(), value);
    }

    private void rememberInAddress() {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (member.getValue() != null) {
            parameters.put("member", Long.toString(member.getValue().id()));
        }
        if (indicator.getValue() != null) {
            parameters.put("indicator", indicator.getValue().code());
        }
        if (group.getValue() != null) {
            parameters.put("group", Long.toString(group.getValue().id()));
        }
        if (year.getValue() != null) {
            parameters.put("year", Integer.toString(year.getValue()));
        }
        if (gender.isVisible() && !Objects.equals(gender.getValue(), "T")) {
            parameters.put("gender", gender.getValue());
        }
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new Location("benchlearning/compare", QueryParameters.simple(parameters))));
    }

    private static Optional<String> first(Map<String, List<String>> parameters, String name) {
        return parameters.getOrDefault(name, List.of()).stream().filter(value -> !value.isBlank()).findFirst();
    }

    private static Optional<Long> id(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("bench.compare.title") + " · Koopera";
    }
}
