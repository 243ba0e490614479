package eu.koopera.benchlearning.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import eu.koopera.benchlearning.Indicator;
import eu.koopera.benchlearning.IndicatorService;
import eu.koopera.benchlearning.PeerGroup;
import eu.koopera.benchlearning.PeerGroupCommand;
import eu.koopera.benchlearning.PeerGroupService;
import eu.koopera.benchlearning.SimilarMember;
import eu.koopera.members.MemberResponse;
import eu.koopera.members.MemberService;
import eu.koopera.networks.NetworkResponse;
import eu.koopera.networks.NetworkService;
import eu.koopera.platform.security.Roles;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The association's peer groups (name, how members are chosen, what qualifies, how many members) with a dialog to
 * create one, and "most similar municipalities": a member and indicators give the closest members on standardised
 * values with what made them similar, which can be saved as a hand-picked group. The grid's filters are in the
 * address.
 */
@Menu(title = "nav.benchPeerGroups", order = 46.6, icon = "vaadin:group")
@Route(value = "benchlearning/peer-groups", layout = MainLayout.class)
@AllowedRoles({Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR})
@Prototype
public class PeerGroupsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final String ROUTE = "benchlearning/peer-groups";

    private final PeerGroupService groups;
    private final CommandValidation validation;
    private final String language;
    private final Map<String, Indicator> catalogue;
    private final Map<Long, MemberResponse> register;
    private final Map<UUID, NetworkResponse> networks;
    private final TextField search = new TextField();
    private final Select<PeerGroupKind> kind = new Select<>();
    private final Grid<PeerGroup> grid = new Grid<>();
    private final Span total = new Span();
    private final Paragraph empty = new Paragraph();
    private final ComboBox<MemberResponse> similarTo = new ComboBox<>();
    private final MultiSelectComboBox<Indicator> similarOn = new MultiSelectComboBox<>();
    private final IntegerField similarYear = new IntegerField();
    private final Div similarResults = new Div();
    private boolean restoring;

    public PeerGroupsView(PeerGroupService groups, CommandValidation validation, IndicatorService indicators,
                          MemberService members, NetworkService networkService) {
        this.groups = groups;
        this.validation = validation;
        this.language = BenchViews.language(this);
        this.catalogue = indicators.list(null).stream()
                .collect(Collectors.toMap(Indicator::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        this.register = BenchViews.register(members).stream()
                .collect(Collectors.toMap(MemberResponse::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        this.networks = networkService.search(null, null, 0, 500).items().stream()
                .collect(Collectors.toMap(NetworkResponse::id, Function.identity(), (a, b) -> a,
                        LinkedHashMap::new));
        search.setPlaceholder(getTranslation("bench.groups.search"));
        search.setAriaLabel(getTranslation("bench.groups.search"));
        search.setId("groups-search");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        kind.setLabel(getTranslation("bench.groups.kind"));
        kind.setId("groups-kind");
        kind.setItems(PeerGroupKind.values());
        kind.setItemLabelGenerator(value -> value == null ? getTranslation("bench.groups.allKinds")
                : getTranslation("bench.groups.kind." + value));
        kind.setEmptySelectionAllowed(true);
        kind.setEmptySelectionCaption(getTranslation("bench.groups.allKinds"));
        kind.addValueChangeListener(e -> refresh());
        Button create = new Button(getTranslation("bench.groups.create"), click -> new PeerGroupDialog(groups,
                validation, List.copyOf(register.values()), List.copyOf(networks.values()), language,
                saved -> refresh()).open());
        create.setId("create-peer-group");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("peer-groups");
        grid.addColumn(PeerGroup::name).setHeader(getTranslation("bench.groups.name")).setFlexGrow(1)
                .setSortable(true).setKey("name");
        Grid.Column<PeerGroup> kindColumn = grid.addColumn(group -> getTranslation("bench.groups.kind."
                + PeerGroupKind.of(group))).setHeader(getTranslation("bench.groups.kind")).setAutoWidth(true)
                .setKey("kind");
        Grid.Column<PeerGroup> criteria = grid.addColumn(this::criteria)
                .setHeader(getTranslation("bench.groups.criteria")).setFlexGrow(1).setKey("criteria");
        grid.addColumn(group -> group.members().size()).setHeader(getTranslation("bench.groups.memberCount"))
                .setAutoWidth(true).setSortable(true).setComparator(group -> group.members().size())
                .setKey("members");
        NarrowScreens.hideOnPhone(grid, List.of(kindColumn, criteria));
        grid.setAllRowsVisible(true);
        total.setId("groups-total");
        total.addClassName("koopera-total");
        empty.setId("groups-empty");
        add(new H1(getTranslation("bench.groups.title")),
                new FilterBar("groups-filters", search, List.of(kind), List.of(create)), total, empty, grid,
                similarPanel());
    }

    /** What qualifies for the group, in words; "—" for a hand-picked one. */
    private String criteria(PeerGroup group) {
        if (group.handPicked()) {
            return Fields.NOT_KNOWN;
        }
        if (group.network() != null) {
            NetworkResponse network = networks.get(group.network());
            return network == null ? Fields.NOT_KNOWN : network.name().in(language);
        }
        List<String> parts = new ArrayList<>();
        if (!group.kinds().isEmpty()) {
            parts.add(group.kinds().stream().map(kind -> kind.label(language)).collect(Collectors.joining(", ")));
        }
        if (group.populationMin() != null || group.populationMax() != null) {
            parts.add(getTranslation("bench.groups.band",
                    group.populationMin() == null ? Fields.NOT_KNOWN : group.populationMin(),
                    group.populationMax() == null ? Fields.NOT_KNOWN : group.populationMax()));
        }
        if (group.region() != null) {
            parts.add(group.region());
        }
        return String.join("; ", parts);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        restoring = true;
        try {
            search.setValue(AddressState.first(event.getLocation().getQueryParameters(), "q").orElse(""));
            kind.setValue(AddressState.constant(event.getLocation().getQueryParameters(), "kind",
                    PeerGroupKind.class).orElse(null));
        } finally {
            restoring = false;
        }
        refresh();
    }

    private void refresh() {
        if (restoring) {
            return;
        }
        String text = search.getValue().strip().toLowerCase(Locale.ROOT);
        PeerGroupKind chosen = kind.getValue();
        List<PeerGroup> shown = groups.list().stream()
                .filter(group -> text.isEmpty() || group.name().toLowerCase(Locale.ROOT).contains(text))
                .filter(group -> chosen == null || PeerGroupKind.of(group) == chosen)
                .toList();
        grid.setItems(shown);
        total.setText(getTranslation("bench.groups.total", shown.size()));
        empty.setText(getTranslation(text.isEmpty() && chosen == null ? "bench.groups.none"
                : "bench.groups.noneMatch"));
        empty.setVisible(shown.isEmpty());
        grid.setVisible(!shown.isEmpty());
        Map<String, String> parameters = new LinkedHashMap<>();
        if (!text.isEmpty()) {
            parameters.put("q", search.getValue().strip());
        }
        if (chosen != null) {
            parameters.put("kind", chosen.name());
        }
        AddressState.remember(this, ROUTE, parameters);
    }

    private Div similarPanel() {
        similarTo.setLabel(getTranslation("bench.compare.member"));
        similarTo.setId("similar-member");
        similarTo.setItems(register.values());
        similarTo.setItemLabelGenerator(MemberResponse::name);
        similarOn.setLabel(getTranslation("bench.side.indicators"));
        similarOn.setId("similar-indicators");
        similarOn.setItems(catalogue.values());
        similarOn.setItemLabelGenerator(item -> item.name().in(language) + " (" + item.code() + ")");
        similarOn.setWidth("24em");
        similarYear.setLabel(getTranslation("bench.compare.year"));
        similarYear.setId("similar-year");
        similarYear.setMin(1990);
        similarYear.setMax(2100);
        similarYear.setPlaceholder(getTranslation("bench.compare.latestYear"));
        Button find = new Button(getTranslation("bench.similar.find"), click -> findSimilar());
        find.setId("similar-find");
        HorizontalLayout choices = new HorizontalLayout(similarTo, similarOn, similarYear, find);
        choices.setWrap(true);
        choices.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        similarResults.setId("similar-results");
        similarResults.setWidthFull();
        Div panel = new Div(new H2(getTranslation("bench.similar.title")),
                new Paragraph(getTranslation("bench.similar.help")), choices, similarResults);
        panel.setId("similar-panel");
        panel.setWidthFull();
        return panel;
    }

    private void findSimilar() {
        similarResults.removeAll();
        MemberResponse member = similarTo.getValue();
        List<String> codes = catalogue.values().stream().filter(similarOn.getValue()::contains)
                .map(Indicator::code).toList();
        if (member == null || codes.isEmpty()) {
            similarResults.add(new Paragraph(getTranslation("bench.similar.choose")));
            return;
        }
        List<SimilarMember> similar;
        try {
            similar = groups.similar(member.id(), codes, similarYear.getValue(), 5);
        } catch (ApiException.NotFound e) {
            similarResults.add(new Paragraph(getTranslation("bench.similar.noValues", member.name())));
            return;
        } catch (ApiException e) {
            CommandValidation.notifyError(this, e);
            return;
        }
        if (similar.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("bench.similar.none"));
            none.setId("similar-none");
            similarResults.add(none);
            return;
        }
        Grid<SimilarMember> found = new Grid<>();
        found.setId("similar");
        found.addColumn(SimilarMember::name).setHeader(getTranslation("bench.column.name")).setAutoWidth(true)
                .setKey("name");
        found.addColumn(one -> BenchViews.number(getLocale(), one.distance()))
                .setHeader(getTranslation("bench.similar.distance")).setAutoWidth(true).setKey("distance");
        found.addColumn(this::explanation).setHeader(getTranslation("bench.similar.why")).setFlexGrow(1)
                .setKey("why");
        found.setItems(similar);
        found.setAllRowsVisible(true);
        TextField name = Fields.text(this, "bench.groups.name", "similar-group-name");
        name.setValue(getTranslation("bench.similar.groupName", member.name()));
        Button save = new Button(getTranslation("bench.similar.save"), click -> saveAsGroup(member, similar, name));
        save.setId("similar-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout saving = new HorizontalLayout(name, save);
        saving.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        similarResults.add(found, saving);
    }

    /** Which indicators made the member similar: the closest first, each with its gap in standard deviations. */
    private String explanation(SimilarMember similar) {
        List<String> gaps = similar.differences().stream().map(difference -> getTranslation("bench.similar.gap",
                indicatorName(difference.indicator()), BenchViews.number(getLocale(),
                        Math.abs(difference.standardDeviations())))).toList();
        String closest = similar.differences().isEmpty() ? Fields.NOT_KNOWN
                : indicatorName(similar.differences().getFirst().indicator());
        return getTranslation("bench.similar.explanation", closest, String.join("; ", gaps));
    }

    private String indicatorName(String code) {
        Indicator indicator = catalogue.get(code);
        return indicator == null ? code : indicator.name().in(language);
    }

    /** Saves the member and the members found like it as a hand-picked group. */
    private void saveAsGroup(MemberResponse member, List<SimilarMember> similar, TextField name) {
        List<Long> ids = new ArrayList<>();
        ids.add(member.id());
        similar.stream().map(SimilarMember::id).filter(id -> !Objects.equals(id, member.id())).forEach(ids::add);
        PeerGroupCommand command = new PeerGroupCommand(Fields.nullToEmpty(Fields.blankToNull(name.getValue())), ids,
                null, null, null, null, null);
        if (!validation.check(command, Map.of("name", name))) {
            return;
        }
        try {
            PeerGroup saved = groups.create(command);
            Notification.show(getTranslation("bench.groups.saved", saved.name()));
            refresh();
        } catch (ApiException e) {
            validation.show(e, Map.of("name", name), this);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("bench.groups.title") + " · Koopera";
    }
}
