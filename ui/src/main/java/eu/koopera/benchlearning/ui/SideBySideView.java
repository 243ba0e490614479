package eu.koopera.benchlearning.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import eu.koopera.benchlearning.ComparisonService;
import eu.koopera.benchlearning.ComparisonTables;
import eu.koopera.benchlearning.Indicator;
import eu.koopera.benchlearning.IndicatorService;
import eu.koopera.benchlearning.PeerGroup;
import eu.koopera.benchlearning.PeerGroupService;
import eu.koopera.benchlearning.SideBySide;
import eu.koopera.networks.NetworkResponse;
import eu.koopera.networks.NetworkService;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.tabular.TableWriter;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.AddressState;
import eu.koopera.ui.forms.CommandValidation;
import eu.koopera.ui.forms.FilterBar;
import eu.koopera.ui.forms.Fields;
import eu.koopera.ui.forms.NarrowScreens;
import eu.koopera.ui.layout.MainLayout;
import eu.koopera.ui.session.AllowedRoles;
import io.micronaut.context.annotation.Prototype;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A peer group's or a network's members side by side on several indicators in one year: a row per member, a column
 * per indicator with the value, its rank and its quartile (in colour and in words, so colour is never the only
 * sign), each column's mean and median in its footer; downloadable as CSV or XLSX. The choices live in the address.
 */
@Menu(title = "nav.benchSideBySide", order = 46.3, icon = "vaadin:table")
@Route(value = "benchlearning/side-by-side", layout = MainLayout.class)
@AllowedRoles({Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR, Roles.MEMBER})
@Prototype
public class SideBySideView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final String ROUTE = "benchlearning/side-by-side";
    /** The charts' Okabe–Ito quartile colours, as on the comparison page. */
    private static final String[] QUARTILE_COLOURS = {"#009E73", "#F0E442", "#E69F00", "#D55E00"};

    private final ComparisonService comparisons;
    private final TableWriter tables;
    private final Map<String, Indicator> catalogue;
    private final ComboBox<PeerGroup> group = new ComboBox<>();
    private final ComboBox<NetworkResponse> network = new ComboBox<>();
    private final MultiSelectComboBox<Indicator> indicators = new MultiSelectComboBox<>();
    private final IntegerField year = new IntegerField();
    private final Div results = new Div();
    private final String language;
    private boolean restoring;

    public SideBySideView(ComparisonService comparisons, TableWriter tables, IndicatorService indicatorService,
                          PeerGroupService groups, NetworkService networks) {
        this.comparisons = comparisons;
        this.tables = tables;
        this.language = BenchViews.language(this);
        this.catalogue = indicatorService.list(null).stream()
                .collect(Collectors.toMap(Indicator::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        group.setLabel(getTranslation("bench.compare.group"));
        group.setId("side-group");
        group.setItems(groups.list());
        group.setItemLabelGenerator(PeerGroup::name);
        group.setClearButtonVisible(true);
        network.setLabel(getTranslation("bench.side.network"));
        network.setId("side-network");
        network.setItems(networks.search(null, null, 0, 500).items());
        network.setItemLabelGenerator(item -> item.name().in(language));
        network.setClearButtonVisible(true);
        indicators.setLabel(getTranslation("bench.side.indicators"));
        indicators.setId("side-indicators");
        indicators.setItems(catalogue.values());
        indicators.setItemLabelGenerator(item -> item.name().in(language) + " (" + item.code() + ")");
        indicators.setWidth("28em");
        indicators.setHelperText(getTranslation("bench.side.max", ComparisonService.MAX_SIDE_BY_SIDE));
        year.setLabel(getTranslation("bench.compare.year"));
        year.setId("side-year");
        year.setMin(1990);
        year.setMax(2100);
        year.setPlaceholder(getTranslation("bench.compare.latestYear"));
        year.setClearButtonVisible(true);
        group.addValueChangeListener(e -> {
            if (e.getValue() != null && !restoring) {
                network.clear();
            }
            refresh();
        });
        network.addValueChangeListener(e -> {
            if (e.getValue() != null && !restoring) {
                group.clear();
            }
            refresh();
        });
        indicators.addValueChangeListener(e -> refresh());
        year.addValueChangeListener(e -> refresh());
        results.setId("side-results");
        results.setWidthFull();
        add(new H1(getTranslation("bench.side.title")),
                new FilterBar("side-filters", null, List.of(group, network, indicators, year), List.of()),
                results);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters parameters = event.getLocation().getQueryParameters();
        restoring = true;
        try {
            AddressState.first(parameters, "group").flatMap(SideBySideView::parseId).flatMap(id -> group
                    .getListDataView().getItems().filter(item -> item.id() == id).findFirst())
                    .ifPresent(group::setValue);
            AddressState.first(parameters, "network").flatMap(SideBySideView::uuid).flatMap(id -> network
                    .getListDataView().getItems().filter(item -> item.id().equals(id)).findFirst())
                    .ifPresent(network::setValue);
            AddressState.first(parameters, "indicators").ifPresent(codes -> indicators.setValue(Arrays
                    .stream(codes.split(",")).map(catalogue::get).filter(Objects::nonNull)
                    .collect(Collectors.toCollection(LinkedHashSet::new))));
            AddressState.first(parameters, "year").flatMap(SideBySideView::parseId)
                    .ifPresent(value -> year.setValue(value.intValue()));
        } finally {
            restoring = false;
        }
        refresh();
    }

    /** The chosen indicators' codes in the catalogue's order. */
    private List<String> chosenCodes() {
        Set<Indicator> chosen = indicators.getValue();
        return catalogue.values().stream().filter(chosen::contains).map(Indicator::code).toList();
    }

    private void refresh() {
        if (restoring) {
            return;
        }
        rememberInAddress();
        results.removeAll();
        List<String> codes = chosenCodes();
        if (catalogue.isEmpty()) {
            results.add(empty("bench.compare.noIndicators"));
            return;
        }
        if ((group.getValue() == null && network.getValue() == null) || codes.isEmpty()) {
            results.add(empty("bench.side.choose"));
            return;
        }
        if (codes.size() > ComparisonService.MAX_SIDE_BY_SIDE) {
            results.add(empty("bench.side.tooMany"));
            return;
        }
        Long groupId = group.getValue() == null ? null : group.getValue().id();
        UUID networkId = groupId != null || network.getValue() == null ? null : network.getValue().id();
        SideBySide compared;
        try {
            compared = comparisons.sideBySide(groupId, networkId, codes, year.getValue());
        } catch (ApiException.NotFound e) {
            results.add(empty("bench.compare.noValues"));
            return;
        } catch (ApiException e) {
            CommandValidation.notifyError(this, e);
            return;
        }
        if (compared.members().isEmpty()) {
            results.add(empty("bench.side.noMembers"));
            return;
        }
        Paragraph shown = new Paragraph(getTranslation("bench.side.shown", compared.members().size(),
                compared.year()));
        shown.setId("side-summary");
        shown.addClassName("koopera-total");
        results.add(shown, grid(compared), downloads(compared));
        if (codes.stream().map(catalogue::get).anyMatch(BenchViews::isDemo)) {
            Paragraph demo = new Paragraph(getTranslation("bench.demoData"));
            demo.setId("demo-data-label");
            demo.getElement().getThemeList().add("badge warning");
            results.add(demo);
        }
    }

    private Paragraph empty(String key) {
        Paragraph paragraph = new Paragraph(getTranslation(key));
        paragraph.setId("side-empty");
        return paragraph;
    }

    private Grid<SideBySide.Row> grid(SideBySide compared) {
        Grid<SideBySide.Row> grid = new Grid<>();
        grid.setId("side-by-side");
        grid.addColumn(SideBySide.Row::name).setHeader(getTranslation("bench.side.member")).setKey("member")
                .setAutoWidth(true).setFrozen(true).setFooter(getTranslation("bench.side.meanMedian"));
        List<Grid.Column<SideBySide.Row>> lesser = new ArrayList<>();
        for (int i = 0; i < compared.indicators().size(); i++) {
            int index = i;
            SideBySide.Column column = compared.indicators().get(i);
            Indicator indicator = catalogue.get(column.indicator());
            String name = indicator == null ? column.indicator() : indicator.name().in(language);
            String unit = indicator == null || indicator.unit() == null ? "" : " (" + indicator.unit() + ")";
            Grid.Column<SideBySide.Row> added = grid.addComponentColumn(row -> cell(row.cells().get(index), name,
                            column.of()))
                    .setKey(column.indicator())
                    .setHeader(name + unit)
                    .setFooter(column.of() == 0 ? Fields.NOT_KNOWN : getTranslation("bench.side.footer",
                            number(column.mean()), number(column.median())))
                    .setAutoWidth(true);
            added.getElement().setAttribute("title", getTranslation("bench.direction." + column.direction()));
            if (i > 0) {
                lesser.add(added);
            }
        }
        NarrowScreens.hideOnPhone(grid, lesser);
        grid.setItems(compared.members());
        grid.setAllRowsVisible(true);
        return grid;
    }

    /** A member's value with its rank and quartile in words, on a band of its quartile's colour. */
    private Component cell(SideBySide.Cell cell, String indicatorName, int of) {
        if (cell.value() == null) {
            Span none = new Span(Fields.NOT_KNOWN);
            none.getElement().setAttribute("aria-label", getTranslation("bench.side.noValue", indicatorName));
            return none;
        }
        String text = getTranslation("bench.side.cell", number(cell.value()), cell.rank());
        String label = getTranslation("bench.side.cellLabel", indicatorName, number(cell.value()), cell.rank(), of);
        Span span = new Span(cell.quartile() == null ? text
                : text + " · " + getTranslation("bench.side.quartile." + cell.quartile()));
        if (cell.quartile() != null) {
            label = label + ", " + getTranslation("bench.quartile." + cell.quartile());
            span.getStyle().set("border-left", "1em solid " + QUARTILE_COLOURS[cell.quartile() - 1])
                    .set("padding-left", "0.4em");
            span.addClassName("quartile-" + cell.quartile());
        }
        span.getElement().setAttribute("aria-label", label);
        span.getElement().setAttribute("title", label);
        return span;
    }

    private HorizontalLayout downloads(SideBySide compared) {
        List<String> headers = new ArrayList<>(List.of(getTranslation("bench.column.code"),
                getTranslation("bench.column.name")));
        for (SideBySide.Column column : compared.indicators()) {
            Indicator indicator = catalogue.get(column.indicator());
            String name = indicator == null ? column.indicator() : indicator.name().in(language);
            for (String part : ComparisonTables.SIDE_BY_SIDE_PARTS) {
                headers.add(name + ": " + getTranslation("bench.column." + part));
            }
        }
        HorizontalLayout row = new HorizontalLayout();
        row.setWrap(true);
        BenchViews.headedTableDownloads(this, tables, "side-by-side-" + compared.year(), headers,
                () -> ComparisonTables.sideBySide(compared), "download-side-by-side").forEach(row::add);
        return row;
    }

    private String number(Number value) {
        return value == null ? Fields.NOT_KNOWN : BenchViews.number(getLocale(), value);
    }

    private void rememberInAddress() {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (group.getValue() != null) {
            parameters.put("group", Long.toString(group.getValue().id()));
        } else if (network.getValue() != null) {
            parameters.put("network", network.getValue().id().toString());
        }
        List<String> codes = chosenCodes();
        if (!codes.isEmpty()) {
            parameters.put("indicators", String.join(",", codes));
        }
        if (year.getValue() != null) {
            parameters.put("year", Integer.toString(year.getValue()));
        }
        AddressState.remember(this, ROUTE, parameters);
    }

    private static Optional<Long> parseId(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("bench.side.title") + " · Koopera";
    }
}
