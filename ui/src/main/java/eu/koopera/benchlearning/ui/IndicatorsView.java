package eu.koopera.benchlearning.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import eu.koopera.benchlearning.Indicator;
import eu.koopera.benchlearning.IndicatorService;
import eu.koopera.platform.security.Roles;
import eu.koopera.ui.forms.CommandValidation;
import eu.koopera.ui.layout.MainLayout;
import eu.koopera.ui.session.AllowedRoles;
import eu.koopera.ui.session.UiSessions;
import io.micronaut.context.annotation.Prototype;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The indicator catalogue by service area, with each indicator's unit, direction, gender split and source (demo
 * values called so); administrators and coordinators create and edit indicators. The chosen area is in the address.
 */
@Menu(title = "nav.benchIndicators", order = 45, icon = "vaadin:chart-grid")
@Route(value = "benchlearning/indicators", layout = MainLayout.class)
@AllowedRoles({Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR, Roles.MEMBER})
@Prototype
public class IndicatorsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final IndicatorService indicators;
    private final CommandValidation validation;
    private final boolean mayEdit;
    private final ComboBox<String> area = new ComboBox<>();
    private final Grid<Indicator> grid = new Grid<>();
    private final Span total = new Span();
    private final Paragraph empty = new Paragraph();
    private boolean restoring;

    public IndicatorsView(IndicatorService indicators, CommandValidation validation, UiSessions sessions) {
        this.indicators = indicators;
        this.validation = validation;
        this.mayEdit = sessions.current().map(s -> s.hasRole(Roles.ASSOCIATION_ADMIN)
                || s.hasRole(Roles.NETWORK_COORDINATOR)).orElse(false);
        String language = BenchViews.language(this);
        area.setLabel(getTranslation("bench.indicators.area"));
        area.setId("indicators-area");
        area.setPlaceholder(getTranslation("bench.indicators.allAreas"));
        area.setClearButtonVisible(true);
        area.addValueChangeListener(e -> {
            if (!restoring) {
                refresh();
            }
        });
        grid.setId("indicators");
        grid.addColumn(Indicator::code).setHeader(getTranslation("bench.indicator.code")).setAutoWidth(true)
                .setSortable(true);
        grid.addColumn(item -> item.name().in(language)).setHeader(getTranslation("bench.indicator.name"))
                .setFlexGrow(1).setSortable(true);
        grid.addColumn(item -> Objects.toString(item.serviceArea(), ""))
                .setHeader(getTranslation("bench.indicators.area")).setAutoWidth(true).setSortable(true);
        grid.addColumn(item -> Objects.toString(item.unit(), "")).setHeader(getTranslation("bench.indicator.unit"))
                .setAutoWidth(true);
        grid.addColumn(item -> getTranslation("bench.direction." + item.direction()))
                .setHeader(getTranslation("bench.indicator.direction")).setAutoWidth(true);
        grid.addColumn(item -> getTranslation(item.genderSplit() ? "bench.yes" : "bench.no"))
                .setHeader(getTranslation("bench.indicator.genderSplit")).setAutoWidth(true);
        grid.addComponentColumn(this::sourceCell).setHeader(getTranslation("bench.indicator.source"))
                .setAutoWidth(true);
        if (mayEdit) {
            grid.addComponentColumn(item -> {
                Button edit = new Button(getTranslation("bench.indicators.edit"),
                        click -> new IndicatorDialog(item, indicators, validation, saved -> refresh()).open());
                edit.setId("edit-indicator-" + item.code());
                edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                return edit;
            }).setAutoWidth(true);
        }
        grid.setAllRowsVisible(true);
        total.setId("indicators-total");
        total.addClassName("koopera-total");
        empty.setText(getTranslation("bench.indicators.none"));
        empty.setId("indicators-empty");
        HorizontalLayout bar = new HorizontalLayout(area);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        if (mayEdit) {
            Button create = new Button(getTranslation("bench.indicators.create"),
                    click -> new IndicatorDialog(null, indicators, validation, saved -> refresh()).open());
            create.setId("create-indicator");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            bar.add(create);
        }
        add(new H1(getTranslation("bench.indicators.title")), bar, total, empty, grid);
    }

    private Span sourceCell(Indicator item) {
        Span source = new Span(Objects.toString(item.source(), ""));
        if (BenchViews.isDemo(item)) {
            source.getElement().getThemeList().add("badge warning");
            source.getElement().setAttribute("title", getTranslation("bench.demoData"));
        }
        return source;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        restoring = true;
        try {
            area.setValue(parameters.getOrDefault("area", List.of()).stream().filter(v -> !v.isBlank())
                    .findFirst().orElse(null));
        } finally {
            restoring = false;
        }
        refresh();
    }

    private void refresh() {
        List<Indicator> all = indicators.list(null);
        String chosen = area.getValue();
        restoring = true;
        try {
            area.setItems(all.stream().map(Indicator::serviceArea).filter(Objects::nonNull).distinct().sorted()
                    .toList());
            area.setValue(chosen);
        } finally {
            restoring = false;
        }
        List<Indicator> shown = all.stream().filter(item -> chosen == null || chosen.equals(item.serviceArea()))
                .toList();
        grid.setItems(shown);
        total.setText(getTranslation("bench.indicators.total", shown.size()));
        empty.setVisible(shown.isEmpty());
        grid.setVisible(!shown.isEmpty());
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, new Location(
                "benchlearning/indicators", chosen == null ? QueryParameters.empty()
                : QueryParameters.simple(Map.of("area", chosen)))));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("bench.indicators.title") + " · Koopera";
    }
}
