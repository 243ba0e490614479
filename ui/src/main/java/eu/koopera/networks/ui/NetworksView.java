package eu.koopera.networks.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import eu.koopera.networks.LocalizedText;
import eu.koopera.networks.NetworkResponse;
import eu.koopera.networks.NetworkService;
import eu.koopera.networks.NetworkStatus;
import eu.koopera.platform.security.Roles;
import eu.koopera.ui.forms.CommandValidation;
import eu.koopera.ui.forms.FilterFields;
import eu.koopera.ui.layout.MainLayout;
import eu.koopera.ui.session.AllowedRoles;
import eu.koopera.ui.session.UiSessions;
import io.micronaut.context.annotation.Prototype;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
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
public class NetworksView extends VerticalLayout implements HasDynamicTitle {

    private final NetworkService networks;
    private final Grid<NetworkResponse> grid = new Grid<>(NetworkResponse.class, false);
    private final TextField search = new TextField();
    private final Select<NetworkStatus> status = new Select<>();

    public NetworksView(NetworkService networks, CommandValidation validation, UiSessions sessions) {
        this.networks = networks;
        boolean mayCreate = sessions.current().map(s -> s.hasRole(Roles.ASSOCIATION_ADMIN)
                || s.hasRole(Roles.NETWORK_COORDINATOR)).orElse(false);
        setSizeFull();
        Runnable refresh = () -> grid.getDataProvider().refreshAll();
        FilterFields.search(search, "networks.search", "network-search", refresh);
        FilterFields.oneOrAll(status, "networks.status", "network-status-filter", List.of(NetworkStatus.values()),
                value -> getTranslation("networks.status." + value), refresh);
        Button create = new Button(getTranslation("networks.create"), VaadinIcon.PLUS.create(),
                click -> new NetworkDialog(null, networks, validation, saved -> refresh.run()).open());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("create-network");
        create.setVisible(mayCreate);
        HorizontalLayout filters = new HorizontalLayout(search, status, create);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
        filters.setWidthFull();
        filters.setWrap(true);
        filters.expand(search);
        configureGrid();
        add(new H1(getTranslation("networks.title")), filters, grid);
    }

    private void configureGrid() {
        Locale locale = getLocale();
        grid.setId("networks");
        grid.addColumn(LitRenderer.<NetworkResponse>of("<a router-link href=\"networks/${item.id}\">${item.name}</a>")
                        .withProperty("id", network -> network.id().toString())
                        .withProperty("name", network -> inLanguage(network.name(), locale)))
                .setHeader(getTranslation("networks.name")).setWidth("18rem").setFlexGrow(3);
        grid.addColumn(NetworkResponse::theme).setHeader(getTranslation("networks.theme")).setAutoWidth(true);
        grid.addColumn(network -> getTranslation("networks.status." + network.status()))
                .setHeader(getTranslation("networks.status")).setAutoWidth(true);
        grid.addColumn(network -> period(locale, network)).setHeader(getTranslation("networks.period"))
                .setAutoWidth(true);
        grid.addColumn(NetworkResponse::owner).setHeader(getTranslation("networks.owner")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.setPageSize(50);
        grid.setItems(query -> networks.search(text(), status.getValue(), query.getPage(), query.getPageSize())
                .items().stream(), query -> (int) networks.search(text(), status.getValue(), 0, 1).total());
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
