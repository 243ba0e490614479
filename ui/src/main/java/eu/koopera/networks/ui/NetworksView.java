package eu.koopera.networks.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import eu.koopera.networks.LocalizedText;
import eu.koopera.networks.NetworkResponse;
import eu.koopera.networks.NetworkService;
import eu.koopera.networks.NetworkStatus;
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

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The networks the user's association owns or takes part in, searched and filtered in the database a page at a
 * time; administrators and coordinators create new ones.
 */
@Menu(title = "nav.networks", order = 35, icon = "vaadin:connect")
@Route(value = "networks", layout = MainLayout.class)
@AllowedRoles({Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR, Roles.MEMBER})
@Prototype
public class NetworksView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final NetworkService networks;
    private final Grid<NetworkResponse> grid = new Grid<>(NetworkResponse.class, false);
    private final TextField search = new TextField();
    private final Select<NetworkStatus> status = new Select<>();
    private final Span total = new Span();
    private boolean restoring;

    public NetworksView(NetworkService networks, CommandValidation validation, UiSessions sessions) {
        this.networks = networks;
        boolean mayCreate = sessions.current().map(s -> s.hasRole(Roles.ASSOCIATION_ADMIN)
                || s.hasRole(Roles.NETWORK_COORDINATOR)).orElse(false);
        setSizeFull();
        Runnable refresh = this::refresh;
        FilterFields.search(search, "networks.search", "network-search", refresh);
        FilterFields.oneOrAll(status, "networks.status", "network-status-filter", List.of(NetworkStatus.values()),
                value -> getTranslation("networks.status." + value), refresh);
        Button create = new Button(getTranslation("networks.create"), VaadinIcon.PLUS.create(),
                click -> new NetworkDialog(null, networks, validation, saved -> refresh.run()).open());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("create-network");
        create.setVisible(mayCreate);
        FilterBar filters = new FilterBar("networks-bar", search, List.of(status), List.of(create));
        configureGrid();
        total.setId("networks-total");
        total.addClassName("koopera-total");
        add(new H1(getTranslation("networks.title")), filters, total, grid);
    }

    /** The search and the status come from the address, so that reload and bookmarks keep them. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters parameters = event.getLocation().getQueryParameters();
        restoring = true;
        try {
            search.setValue(AddressState.first(parameters, "q").orElse(""));
            status.setValue(AddressState.constant(parameters, "status", NetworkStatus.class).orElse(null));
        } finally {
            restoring = false;
        }
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        if (restoring) {
            return;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        if (text() != null) {
            parameters.put("q", text());
        }
        if (status.getValue() != null) {
            parameters.put("status", status.getValue().name());
        }
        AddressState.remember(this, "networks", parameters);
    }

    private void configureGrid() {
        Locale locale = getLocale();
        grid.setId("networks");
        grid.addColumn(LitRenderer.<NetworkResponse>of("<a router-link href=\"networks/${item.id}\">${item.name}</a>")
                        .withProperty("id", network -> network.id().toString())
                        .withProperty("name", network -> inLanguage(network.name(), locale)))
                .setHeader(getTranslation("networks.name")).setWidth("12rem").setFlexGrow(4);
        Grid.Column<NetworkResponse> theme = grid.addColumn(NetworkResponse::theme)
                .setHeader(getTranslation("networks.theme")).setAutoWidth(true);
        grid.addColumn(network -> getTranslation("networks.status." + network.status()))
                .setHeader(getTranslation("networks.status")).setAutoWidth(true);
        Grid.Column<NetworkResponse> period = grid.addColumn(network -> period(locale, network))
                .setHeader(getTranslation("networks.period"))
                .setAutoWidth(true);
        Grid.Column<NetworkResponse> owner = grid.addColumn(NetworkResponse::owner)
                .setHeader(getTranslation("networks.owner")).setAutoWidth(true);
        // on a phone: the name and the status
        NarrowScreens.hideOnPhone(grid, List.of(theme, period, owner));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(getTranslation("networks.empty"));
        grid.setSizeFull();
        grid.setPageSize(50);
        grid.setItems(query -> networks.search(text(), status.getValue(), query.getPage(), query.getPageSize())
                .items().stream(), query -> {
                    int count = (int) networks.search(text(), status.getValue(), 0, 1).total();
                    total.setText(getTranslation("networks.total", count));
                    return count;
                });
    }

    private String text() {
        return search.getValue().isBlank() ? null : search.getValue().strip();
    }

    /** A text in the reader's language, else in English, Latvian or Lithuanian, whichever is there first. */
    static String inLanguage(LocalizedText text, Locale locale) {
        return inLanguage(Map.of("lv", Objects.toString(text.lv(), ""), "lt", Objects.toString(text.lt(), ""),
                "en", Objects.toString(text.en(), "")), locale);
    }

    /** The same for a text as the feed carries it, a map from language to text. */
    static String inLanguage(Map<?, ?> texts, Locale locale) {
        return Stream.of(locale.getLanguage(), "en", "lv", "lt").map(texts::get).filter(Objects::nonNull)
                .map(Object::toString).filter(text -> !text.isBlank()).findFirst().orElse("");
    }

    /** A network's period as "start – end" in the reader's date format; a missing end is left open. */
    static String period(Locale locale, NetworkResponse network) {
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        if (network.startsOn() == null && network.endsOn() == null) {
            return "";
        }
        return (network.startsOn() == null ? "" : dates.format(network.startsOn())) + " – "
                + (network.endsOn() == null ? "" : dates.format(network.endsOn()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("networks.title") + " · Koopera";
    }
}
