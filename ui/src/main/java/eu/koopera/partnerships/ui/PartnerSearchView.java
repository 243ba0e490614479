package eu.koopera.partnerships.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import eu.koopera.members.MemberKind;
import eu.koopera.partnerships.PartnerCandidate;
import eu.koopera.partnerships.PartnerSearchCriteria;
import eu.koopera.partnerships.PartnerSearchPage;
import eu.koopera.partnerships.PartnerSearchService;
import eu.koopera.partnerships.PartnerSource;
import eu.koopera.partnerships.SearchSettings;
import eu.koopera.partnerships.SearchSettingsCommand;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.AddressState;
import eu.koopera.ui.forms.CommandValidation;
import eu.koopera.ui.layout.MainLayout;
import eu.koopera.ui.session.AllowedRoles;
import eu.koopera.ui.session.UiSessions;
import io.micronaut.context.annotation.Prototype;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Partner search: municipalities of the association, of associations that share their members, and the imported
 * foreign ones, filtered by country, kind, population band, theme and name; the filters live in the address, so a
 * search can be bookmarked and shared. Each result says where it comes from and how many partnerships it has.
 */
@Menu(title = "nav.partnerSearch", order = 62, icon = "vaadin:handshake")
@Route(value = "partnerships/search", layout = MainLayout.class)
@AllowedRoles({Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR, Roles.MEMBER})
@Prototype
public class PartnerSearchView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final String ROUTE = "partnerships/search";
    private static final int LIMIT = 200;

    private final PartnerSearchService search;
    private final TextField country = new TextField();
    private final ComboBox<MemberKind> kind = new ComboBox<>();
    private final IntegerField populationMin = new IntegerField();
    private final IntegerField populationMax = new IntegerField();
    private final TextField theme = new TextField();
    private final TextField text = new TextField();
    private final Paragraph summary = new Paragraph();
    private final Grid<PartnerCandidate> results = new Grid<>(PartnerCandidate.class, false);
    private boolean restoring;

    public PartnerSearchView(PartnerSearchService search, UiSessions sessions) {
        this.search = search;
        country.setLabel(getTranslation("partnerSearch.country"));
        country.setId("search-country");
        country.setMaxLength(2);
        country.setWidth("7em");
        kind.setLabel(getTranslation("partnerSearch.kind"));
        kind.setId("search-kind");
        kind.setItems(MemberKind.values());
        kind.setItemLabelGenerator(value -> getTranslation("members.kind." + value));
        kind.setClearButtonVisible(true);
        populationMin.setLabel(getTranslation("partnerSearch.populationMin"));
        populationMin.setId("search-population-min");
        populationMin.setMin(0);
        populationMax.setLabel(getTranslation("partnerSearch.populationMax"));
        populationMax.setId("search-population-max");
        populationMax.setMin(0);
        theme.setLabel(getTranslation("partnerSearch.theme"));
        theme.setId("search-theme");
        text.setLabel(getTranslation("partnerSearch.name"));
        text.setId("search-text");
        for (TextField field : List.of(country, theme, text)) {
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.setClearButtonVisible(true);
            field.addValueChangeListener(e -> changed());
        }
        kind.addValueChangeListener(e -> changed());
        populationMin.addValueChangeListener(e -> changed());
        populationMax.addValueChangeListener(e -> changed());
        summary.setId("search-summary");
        results.setId("partner-results");
        results.addColumn(PartnerCandidate::name).setKey("name").setHeader(getTranslation("partnerSearch.col.name"))
                .setFlexGrow(2).setSortable(true);
        results.addColumn(c -> getTranslation("partnerSearch.source." + c.source())
                        + (c.tenant() == null || c.source() != PartnerSource.ASSOCIATION
                        ? "" : " (" + c.tenant() + ")"))
                .setKey("source").setHeader(getTranslation("partnerSearch.col.source")).setAutoWidth(true);
        results.addColumn(c -> c.country() == null ? "" : c.country()).setKey("country")
                .setHeader(getTranslation("partnerSearch.col.country")).setAutoWidth(true);
        results.addColumn(c -> c.kind() == null ? "" : getTranslation("members.kind." + c.kind())).setKey("kind")
                .setHeader(getTranslation("partnerSearch.col.kind")).setAutoWidth(true);
        results.addColumn(c -> c.population() == null ? "" : String.format(getLocale(), "%,d", c.population()))
                .setKey("population").setHeader(getTranslation("partnerSearch.col.population")).setAutoWidth(true);
        results.addColumn(c -> String.join(", ", c.themes())).setKey("themes")
                .setHeader(getTranslation("partnerSearch.col.themes")).setFlexGrow(2);
        results.addColumn(PartnerCandidate::partnerships).setKey("partnerships")
                .setHeader(getTranslation("partnerSearch.col.partnerships")).setAutoWidth(true);
        results.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        HorizontalLayout filters = new HorizontalLayout(country, kind, populationMin, populationMax, theme, text);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        add(new H1(getTranslation("partnerSearch.title")), new Paragraph(getTranslation("partnerSearch.help")));
        if (sessions.require().caller().hasRole(Roles.ASSOCIATION_ADMIN)) {
            Checkbox share = new Checkbox(getTranslation("partnerSearch.share"), search.settings().shareMembers());
            share.setId("search-share");
            share.addValueChangeListener(e -> share(e.getValue()));
            add(share);
        }
        add(filters, summary, results);
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters parameters = event.getLocation().getQueryParameters();
        restoring = true;
        try {
            country.setValue(AddressState.first(parameters, "country").orElse(""));
            kind.setValue(AddressState.constant(parameters, "kind", MemberKind.class).orElse(null));
            populationMin.setValue(number(parameters, "populationMin"));
            populationMax.setValue(number(parameters, "populationMax"));
            theme.setValue(AddressState.first(parameters, "theme").orElse(""));
            text.setValue(AddressState.first(parameters, "q").orElse(""));
        } finally {
            restoring = false;
        }
        refresh();
    }

    private void changed() {
        if (restoring) {
            return;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        put(parameters, "country", country.getValue());
        put(parameters, "kind", kind.getValue() == null ? null : kind.getValue().name());
        put(parameters, "populationMin", populationMin.getValue() == null ? null : populationMin.getValue().toString());
        put(parameters, "populationMax", populationMax.getValue() == null ? null : populationMax.getValue().toString());
        put(parameters, "theme", theme.getValue());
        put(parameters, "q", text.getValue());
        AddressState.remember(this, ROUTE, parameters);
        refresh();
    }

    private void share(boolean value) {
        try {
            SearchSettings settings = search.update(new SearchSettingsCommand(value));
            Notification.show(getTranslation(settings.shareMembers() ? "partnerSearch.shared" : "partnerSearch.unshared",
                    settings.published()));
        } catch (ApiException e) {
            CommandValidation.notifyError(this, e);
        }
    }

    private void refresh() {
        try {
            PartnerSearchPage page = search.search(PartnerSearchCriteria.of(country.getValue(),
                    kind.getValue() == null ? null : kind.getValue().name(), populationMin.getValue(),
                    populationMax.getValue(), theme.getValue(), text.getValue()), 0, LIMIT);
            results.setItems(page.items());
            summary.setText(page.total() > page.items().size()
                    ? getTranslation("partnerSearch.found.first", page.total(), page.items().size())
                    : getTranslation("partnerSearch.found", page.total()));
        } catch (ApiException e) {
            results.setItems(List.of());
            summary.setText("");
            CommandValidation.notifyError(this, e);
        }
    }

    private static Integer number(QueryParameters parameters, String name) {
        return AddressState.first(parameters, name).filter(value -> value.matches("\\d{1,9}"))
                .map(Integer::valueOf).orElse(null);
    }

    private static void put(Map<String, String> parameters, String name, String value) {
        if (value != null && !value.isBlank()) {
            parameters.put(name, value.strip());
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("partnerSearch.title") + " · Koopera";
    }
}
