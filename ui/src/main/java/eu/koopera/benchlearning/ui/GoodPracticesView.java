package eu.koopera.benchlearning.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import eu.koopera.benchlearning.GoodPractice;
import eu.koopera.benchlearning.GoodPracticeService;
import eu.koopera.benchlearning.Indicator;
import eu.koopera.benchlearning.IndicatorService;
import eu.koopera.members.MemberResponse;
import eu.koopera.members.MemberService;
import eu.koopera.people.PeopleService;
import eu.koopera.platform.documents.DocumentSettings;
import eu.koopera.platform.security.Roles;
import eu.koopera.ui.forms.AddressState;
import eu.koopera.ui.forms.CommandValidation;
import eu.koopera.ui.forms.FilterBar;
import eu.koopera.ui.forms.Fields;
import eu.koopera.ui.forms.NarrowScreens;
import eu.koopera.ui.layout.MainLayout;
import eu.koopera.ui.session.AllowedRoles;
import eu.koopera.ui.session.UiSessions;
import io.micronaut.context.annotation.Prototype;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Good-practice examples of the association, newest first, filtered by the indicator they explain (kept in the
 * address). Everyone reads them; staff record them for any member, a municipal user for their own organisation.
 */
@Menu(title = "nav.goodPractices", order = 49, icon = "vaadin:lightbulb")
@Route(value = "benchlearning/good-practices", layout = MainLayout.class)
@AllowedRoles({Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR, Roles.MEMBER})
@Prototype
public class GoodPracticesView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final GoodPracticeService practices;
    private final ComboBox<Indicator> indicator = new ComboBox<>();
    private final Grid<GoodPractice> grid = new Grid<>();
    private final Span total = new Span();
    private final Map<String, Indicator> byCode;
    private final String language;
    private boolean restoring;

    public GoodPracticesView(GoodPracticeService practices, IndicatorService indicators, MemberService members,
                             PeopleService people, CommandValidation validation, UiSessions sessions,
                             DocumentSettings documentSettings) {
        this.practices = practices;
        this.language = BenchViews.language(this);
        boolean staff = sessions.current().map(s -> s.hasRole(Roles.ASSOCIATION_ADMIN)
                || s.hasRole(Roles.NETWORK_COORDINATOR)).orElse(false);
        @Nullable MemberResponse own = staff ? null : people.me().member();
        List<Indicator> catalogue = indicators.list(null);
        byCode = catalogue.stream().collect(Collectors.toMap(Indicator::code, Function.identity()));
        setSizeFull();
        indicator.setLabel(getTranslation("bench.column.indicator"));
        indicator.setId("practices-indicator");
        indicator.setPlaceholder(getTranslation("common.all"));
        indicator.setClearButtonVisible(true);
        indicator.setItems(catalogue);
        indicator.setItemLabelGenerator(item -> item.name().in(language) + " (" + item.code() + ")");
        indicator.setWidth("24em");
        indicator.addValueChangeListener(change -> refresh());
        Button create = new Button(getTranslation("bench.practices.create"), VaadinIcon.PLUS.create(),
                click -> new GoodPracticeDialog(null, own, catalogue, language, practices, members, validation,
                        documentSettings.maxSize(), saved -> refresh()).open());
        create.setId("create-practice");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setVisible(staff || own != null);

        grid.setId("practices");
        grid.addColumn(practice -> practice.title().in(language)).setHeader(getTranslation("bench.practice.title"))
                .setFlexGrow(1);
        grid.addColumn(GoodPractice::memberName).setHeader(getTranslation("bench.plan.member")).setAutoWidth(true);
        Grid.Column<GoodPractice> linked = grid.addColumn(this::indicatorNames)
                .setHeader(getTranslation("bench.practice.indicators")).setAutoWidth(true);
        Grid.Column<GoodPractice> documents = grid.addColumn(practice -> practice.links().isEmpty()
                        && practice.documents().isEmpty() ? Fields.NOT_KNOWN
                        : Integer.toString(practice.links().size() + practice.documents().size()))
                .setHeader(getTranslation("bench.practice.documents")).setAutoWidth(true);
        grid.addComponentColumn(practice -> {
            Button edit = new Button(getTranslation("common.edit"), click -> new GoodPracticeDialog(practice, own,
                    catalogue, language, practices, members, validation, documentSettings.maxSize(),
                    saved -> refresh()).open());
            edit.setId("edit-practice-" + practice.id());
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            edit.setVisible(staff || (own != null && own.id() == practice.member()));
            return edit;
        }).setAutoWidth(true);
        grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(practice ->
                new GoodPracticeCard(practice, language, practices)));
        // on a phone: the title, whose it is and the edit button
        NarrowScreens.hideOnPhone(grid, List.of(linked, documents));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(getTranslation("bench.practices.none"));
        grid.setSizeFull();
        total.setId("practices-total");
        total.addClassName("koopera-total");
        add(new H1(getTranslation("bench.practices.title")), new FilterBar("practices-bar", null, List.of(indicator),
                List.of(create)), total, grid);
    }

    private String indicatorNames(GoodPractice practice) {
        if (practice.indicators().isEmpty()) {
            return Fields.NOT_KNOWN;
        }
        return practice.indicators().stream().map(code -> byCode.containsKey(code)
                ? byCode.get(code).name().in(language) : code).collect(Collectors.joining(", "));
    }

    /** The indicator comes from the address, so that reload and bookmarks keep it. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        restoring = true;
        try {
            indicator.setValue(AddressState.first(event.getLocation().getQueryParameters(), "indicator")
                    .map(byCode::get).orElse(null));
        } finally {
            restoring = false;
        }
        refresh();
    }

    private void refresh() {
        if (restoring) {
            return;
        }
        List<GoodPractice> shown = practices.list(indicator.getValue() == null ? null
                : indicator.getValue().code(), null);
        grid.setItems(shown);
        total.setText(getTranslation("bench.practices.total", shown.size()));
        AddressState.remember(this, "benchlearning/good-practices", indicator.getValue() == null ? Map.of()
                : Map.of("indicator", indicator.getValue().code()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("bench.practices.title") + " · Koopera";
    }
}
