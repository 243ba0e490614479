package eu.koopera.benchlearning.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.StringLengthValidator;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import eu.koopera.benchlearning.GoodPractice;
import eu.koopera.benchlearning.GoodPracticeService;
import eu.koopera.benchlearning.Indicator;
import eu.koopera.benchlearning.IndicatorService;
import eu.koopera.benchlearning.IndicatorValue;
import eu.koopera.benchlearning.Plan;
import eu.koopera.benchlearning.PlanCommand;
import eu.koopera.benchlearning.PlanService;
import eu.koopera.benchlearning.PlanStatus;
import eu.koopera.benchlearning.ValueService;
import eu.koopera.members.MemberResponse;
import eu.koopera.members.MemberSearch;
import eu.koopera.members.MemberService;
import eu.koopera.networks.NetworkResponse;
import eu.koopera.networks.NetworkService;
import eu.koopera.people.PeopleService;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.AddressState;
import eu.koopera.ui.forms.CommandValidation;
import eu.koopera.ui.forms.Fields;
import eu.koopera.ui.layout.MainLayout;
import eu.koopera.ui.session.AllowedRoles;
import eu.koopera.ui.session.UiSessions;
import io.micronaut.context.annotation.Prototype;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
 * Writes or changes an improvement plan: the service chosen, the network it belongs to (if any), the indicators
 * with baseline and target, and the actions; then shows how far the plan has come by the values imported since,
 * and the good-practice examples on its indicators. Staff write for any member; a municipal user for their own
 * organisation only, as {@link PlanService} allows. {@code new} as the id starts a plan ({@code ?member=} chooses
 * whose, for staff).
 */
@Route(value = "benchlearning/plans/:id", layout = MainLayout.class)
@AllowedRoles({Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR, Roles.MEMBER})
@Prototype
public class PlanEditorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ROUTE = "benchlearning/plans/";
    private static final int MAX_TARGETS = 20;
    private static final int MAX_ACTIONS = 100;
    private static final int NETWORKS_OFFERED = 200;

    private final PlanService plans;
    private final GoodPracticeService practices;
    private final IndicatorService indicators;
    private final ValueService values;
    private final MemberService members;
    private final NetworkService networks;
    private final PeopleService people;
    private final CommandValidation validation;
    private final boolean staff;
    // made anew for each plan shown, so that a saved plan is shown fresh with its progress
    private PlanForm form = new PlanForm();
    private Binder<PlanForm> binder = new Binder<>();
    private ComboBox<MemberResponse> member = new ComboBox<>();
    private ComboBox<NetworkResponse> network = new ComboBox<>();
    private TextField service = new TextField();
    private TextArea summary = new TextArea();
    private Select<PlanStatus> status = new Select<>();
    private Div targetRows = new Div();
    private Div actionRows = new Div();
    private Div practiceList = new Div();
    private List<PlanTargetRow> targets = new ArrayList<>();
    private List<PlanActionRow> actions = new ArrayList<>();
    private @Nullable Plan plan;
    private @Nullable MemberResponse owner;
    private RouterLink back = new RouterLink();
    private List<Indicator> catalogue = List.of();
    private String language = "lv";
    private int rowsMade;

    public PlanEditorView(PlanService plans, GoodPracticeService practices, IndicatorService indicators,
                          ValueService values, MemberService members, NetworkService networks, PeopleService people,
                          CommandValidation validation, UiSessions sessions) {
        this.plans = plans;
        this.practices = practices;
        this.indicators = indicators;
        this.values = values;
        this.members = members;
        this.networks = networks;
        this.people = people;
        this.validation = validation;
        this.staff = sessions.current().map(s -> s.hasRole(Roles.ASSOCIATION_ADMIN)
                || s.hasRole(Roles.NETWORK_COORDINATOR)).orElse(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        language = BenchViews.language(this);
        String id = event.getRouteParameters().get("id").orElse("new");
        back = staff ? new RouterLink(getTranslation("bench.plans.all"), PlansView.class)
                : new RouterLink(getTranslation("bench.plans.title"), MyPlansView.class);
        back.setId("plan-back");
        if ("new".equals(id)) {
            plan = null;
        } else {
            try {
                plan = plans.get(Long.parseLong(id));
            } catch (NumberFormatException | ApiException.NotFound e) {
                Paragraph missing = new Paragraph(getTranslation("error.notFound"));
                missing.setId("plan-missing");
                add(back, new H1(getTranslation("bench.plan.title")), missing);
                return;
            }
        }
        owner = owner(event);
        if (owner == null && !staff) {
            Paragraph none = new Paragraph(getTranslation("bench.position.noMember"));
            none.setId("plan-no-member");
            add(back, new H1(getTranslation("bench.plan.new")), none);
            return;
        }
        catalogue = indicators.list(null);
        build();
    }

    /** Whose plan it is: the stored plan's member, the one asked for by staff, or the user's own organisation. */
    private @Nullable MemberResponse owner(BeforeEnterEvent event) {
        if (plan != null) {
            return members.get(plan.member());
        }
        if (!staff) {
            return people.me().member();
        }
        return AddressState.first(event.getLocation().getQueryParameters(), "member").flatMap(value -> {
            try {
                return Optional.of(members.get(Long.parseLong(value)));
            } catch (NumberFormatException | ApiException e) {
                return Optional.empty();
            }
        }).orElse(null);
    }

    private void build() {
        form = new PlanForm();
        binder = new Binder<>();
        member = new ComboBox<>();
        network = new ComboBox<>();
        service = new TextField();
        summary = new TextArea();
        status = new Select<>();
        targetRows = new Div();
        actionRows = new Div();
        practiceList = new Div();
        targets = new ArrayList<>();
        actions = new ArrayList<>();
        rowsMade = 0;
        add(back, new H1(plan == null ? getTranslation("bench.plan.new")
                : getTranslation("bench.plan.title") + ": " + plan.service()));
        configureFields();
        FormLayout fields = new FormLayout(member, network, service, status, summary);
        fields.setColspan(summary, 2);
        add(fields);

        targetRows.setId("plan-targets");
        actionRows.setId("plan-actions");
        Button addTarget = new Button(getTranslation("bench.plan.addTarget"), VaadinIcon.PLUS.create(),
                click -> addTarget(null));
        addTarget.setId("plan-add-target");
        Button addAction = new Button(getTranslation("bench.plan.addAction"), VaadinIcon.PLUS.create(),
                click -> addAction(null));
        addAction.setId("plan-add-action");
        if (plan != null) {
            plan.targets().forEach(this::addTarget);
            plan.actions().forEach(this::addAction);
        }
        Button save = new Button(getTranslation("common.save"), click -> save());
        save.setId("plan-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2(getTranslation("bench.plan.targets")), targetRows, addTarget,
                new H2(getTranslation("bench.plan.actions")), actionRows, addAction, save);
        if (plan != null) {
            add(new H2(getTranslation("bench.plan.progress")), new PlanProgressPanel(plan, byCode(), language));
        }
        practiceList.setId("plan-practices");
        add(new H2(getTranslation("bench.plan.practices")), practiceList);
        showPractices();
    }

    private void configureFields() {
        String required = getTranslation("validation.required");
        member.setLabel(getTranslation("bench.plan.member"));
        member.setId("plan-member");
        member.setItemLabelGenerator(found -> found.name() + " (" + found.code() + ")");
        member.setWidth("24em");
        if (staff && plan == null) {
            member.setItems(query -> members.search(MemberSearch.text(query.getFilter()
                    .filter(text -> !text.isBlank()).map(String::strip).orElse(null)), query.getPage(),
                    query.getPageSize()).items().stream());
        } else {
            member.setItems(owner == null ? List.of() : List.of(owner));
            member.setReadOnly(true);
        }
        network.setLabel(getTranslation("bench.plan.network"));
        network.setId("plan-network");
        network.setClearButtonVisible(true);
        network.setPlaceholder(Fields.NOT_KNOWN);
        List<NetworkResponse> offered = new ArrayList<>(networks.search(null, null, 0, NETWORKS_OFFERED).items());
        UUID stored = plan == null ? null : plan.network();
        if (stored != null && offered.stream().noneMatch(item -> item.id().equals(stored))) {
            // beyond the first page offered: still the plan's, and kept when it is saved
            offered.add(networks.get(stored));
        }
        network.setItems(offered);
        network.setItemLabelGenerator(item -> item.name().in(language));
        service.setLabel(getTranslation("bench.plan.service"));
        service.setId("plan-service");
        service.setWidth("24em");
        summary.setLabel(getTranslation("bench.plan.summary"));
        summary.setId("plan-summary");
        status.setLabel(getTranslation("bench.plans.status"));
        status.setId("plan-status");
        status.setItems(PlanStatus.values());
        status.setItemLabelGenerator(value -> getTranslation("bench.plans.status." + value));

        binder.forField(member).asRequired(required).bind(bean -> bean.member, (bean, value) -> bean.member = value);
        binder.forField(network).bind(bean -> bean.network, (bean, value) -> bean.network = value);
        binder.forField(service).asRequired(required)
                .withValidator(new StringLengthValidator(getTranslation("validation.size", 1, 200), 1, 200))
                .bind(bean -> Fields.nullToEmpty(bean.service), (bean, value) -> bean.service =
                        Fields.blankToNull(value));
        binder.forField(summary)
                .withValidator(new StringLengthValidator(getTranslation("validation.size", 0, 4000), 0, 4000))
                .bind(bean -> Fields.nullToEmpty(bean.summary), (bean, value) -> bean.summary =
                        Fields.blankToNull(value));
        // a validator rather than asRequired: a Select marked required puts aria-required on its button (axe: critical)
        binder.forField(status).withValidator(java.util.Objects::nonNull, required)
                .bind(bean -> bean.status, (bean, value) -> bean.status = value);
        form.member = owner;
        if (plan != null) {
            UUID chosen = plan.network();
            form.network = chosen == null ? null : offered.stream().filter(item -> item.id().equals(chosen))
                    .findFirst().orElse(null);
            form.service = plan.service();
            form.summary = plan.summary();
            form.status = plan.status();
        }
        binder.setBean(form);
        member.addValueChangeListener(change -> showPractices());
    }

    private void addTarget(@Nullable Plan.Target target) {
        if (targets.size() >= MAX_TARGETS) {
            Notification.show(getTranslation("bench.plan.tooMany", MAX_TARGETS));
            return;
        }
        PlanTargetRow row = new PlanTargetRow("plan-target-" + rowsMade++, catalogue, language, target,
                this::baseline, removed -> {
                    targets.remove(removed);
                    targetRows.remove(removed);
                    showPractices();
                }, this::showPractices);
        targets.add(row);
        targetRows.add(row);
    }

    private void addAction(@Nullable Plan.Action action) {
        if (actions.size() >= MAX_ACTIONS) {
            Notification.show(getTranslation("bench.plan.tooMany", MAX_ACTIONS));
            return;
        }
        PlanActionRow row = new PlanActionRow("plan-action-" + rowsMade++, action, removed -> {
            actions.remove(removed);
            actionRows.remove(removed);
        });
        actions.add(row);
        actionRows.add(row);
    }

    /** The member's stored total value of an indicator in {@code year}, or in its latest year when null. */
    private Optional<IndicatorValue> baseline(String indicator, @Nullable Integer year) {
        MemberResponse chosen = member.getValue();
        if (chosen == null) {
            return Optional.empty();
        }
        return values.search(indicator, chosen.id(), year, year, 0, 200).items().stream()
                .filter(value -> "T".equals(value.gender()))
                .max(Comparator.comparingInt(IndicatorValue::year));
    }

    /** The examples on the indicators the plan names now, each once. */
    private void showPractices() {
        practiceList.removeAll();
        Set<String> codes = targets.stream().map(PlanTargetRow::indicatorCode).filter(Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Map<Long, GoodPractice> found = new LinkedHashMap<>();
        for (String code : codes) {
            practices.list(code, null).forEach(practice -> found.putIfAbsent(practice.id(), practice));
        }
        if (found.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("bench.practices.noneForPlan"));
            none.setId("plan-practices-none");
            practiceList.add(none);
        }
        found.values().forEach(practice -> practiceList.add(new GoodPracticeCard(practice, language, practices)));
    }

    private void save() {
        boolean valid = binder.validate().isOk();
        for (PlanTargetRow row : targets) {
            valid &= row.validate();
        }
        for (PlanActionRow row : actions) {
            valid &= row.validate();
        }
        if (!valid) {
            return;
        }
        PlanCommand command = new PlanCommand(Objects.requireNonNull(form.member).id(), form.network == null ? null : form.network.id(),
                form.service, form.summary, form.status, targets.stream().map(PlanTargetRow::command).toList(),
                actions.stream().map(PlanActionRow::command).toList(), plan == null ? null : plan.version());
        try {
            Plan saved = plan == null ? plans.create(command) : plans.update(plan.id(), command);
            Notification.show(getTranslation("bench.plan.saved"));
            if (plan == null) {
                UI.getCurrent().navigate(ROUTE + saved.id());
            } else {
                plan = saved;
                removeAll();
                build();
            }
        } catch (ApiException e) {
            validation.show(e, fields(), this);
        }
    }

    /** The fields by the names the plan service gives in its problems. */
    private Map<String, HasValidation> fields() {
        Map<String, HasValidation> fields = new HashMap<>(Map.of("member", member, "network", network,
                "service", service, "summary", summary, "status", status));
        for (int i = 0; i < targets.size(); i++) {
            fields.putAll(targets.get(i).fields("targets[" + i + "]"));
        }
        for (int i = 0; i < actions.size(); i++) {
            fields.putAll(actions.get(i).fields("actions[" + i + "]"));
        }
        return fields;
    }

    private Map<String, Indicator> byCode() {
        return catalogue.stream().collect(Collectors.toMap(Indicator::code, Function.identity()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("bench.plan.title") + " · Koopera";
    }
}
