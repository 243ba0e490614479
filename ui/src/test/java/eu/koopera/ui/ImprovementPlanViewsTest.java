package eu.koopera.ui;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.ComboBoxTester;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import eu.koopera.benchlearning.ActionStatus;
import eu.koopera.benchlearning.GoodPractice;
import eu.koopera.benchlearning.Indicator;
import eu.koopera.benchlearning.Plan;
import eu.koopera.benchlearning.PlanStatus;
import eu.koopera.members.MemberResponse;
import eu.koopera.support.Outbox;
import eu.koopera.support.TestClient;
import eu.koopera.ui.support.BrowserlessUiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Improvement plans and good practices in the portals: staff write a plan for a member with a target and actions
 * and find it listed with its progress; a municipal user sees only their organisation's plans, writes one, and its
 * progress moves when the next year's values are imported; a good practice recorded in its dialog is listed and
 * shown on the editor of a plan on its indicator; bad input is refused in the user's language and writes nothing.
 */
@MicronautTest(transactional = false)
class ImprovementPlanViewsTest extends BrowserlessUiTest {

    private static final String PASSWORD = "plan-views-password-123";
    private static final String[] NAMES = {"Alūksnes novads", "Balvu novads", "Cēsu novads", "Dobeles novads"};

    private String tenant;
    private String admin;
    private final Map<String, Long> ids = new LinkedHashMap<>();

    /** Four members with the cost of care (lower is better) in 2022 and 2023: 100 + 10 i − 2 (year − 2022). */
    @BeforeAll
    void association() {
        tenant = api.createTenantWithAdmin("uiplans", PASSWORD);
        admin = api.login(tenant, "admin", PASSWORD);
        for (int i = 0; i < NAMES.length; i++) {
            TestClient.Response created = api.post("/api/members", Map.of("code", "P" + i, "name", NAMES[i],
                    "kind", "MUNICIPALITY"), bearer(admin));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            ids.put(NAMES[i], Long.parseLong(created.string("id")));
        }
        TestClient.Response indicator = api.post("/api/indicators", Map.of("code", "care.cost",
                "name", Map.of("lv", "Aprūpes izmaksas", "lt", "Priežiūros išlaidos", "en", "Cost of care"),
                "unit", "EUR", "direction", "LOWER_IS_BETTER", "serviceArea", "social-care"), bearer(admin));
        assertThat(indicator.status()).as(indicator.body()).isEqualTo(201);
        StringBuilder csv = new StringBuilder("indicator;municipality;year;gender;value\n");
        for (int year = 2022; year <= 2023; year++) {
            for (int i = 0; i < NAMES.length; i++) {
                csv.append("care.cost;P").append(i).append(';').append(year).append(";;")
                        .append(100 + 10 * i - 2 * (year - 2022)).append('\n');
            }
        }
        importValues(csv.toString());
        officer("aluksne", ids.get("Alūksnes novads"));
    }

    @Test
    void staffWriteAPlanForAMemberWithTargetAndActionsAndFindItListedWithItsProgress() {
        long balvi = ids.get("Balvu novads");
        BrowserlessUIContext window = signedIn("admin");
        openNewPlan(window, balvi);
        window.test(window.find(TextField.class).id("plan-service")).setValue("Home care");
        click(window, "plan-add-target");
        chooseIndicator(window, "plan-target-0-indicator");
        // the baseline is taken from the member's latest stored value, and from the year chosen after that
        assertThat(window.find(IntegerField.class).id("plan-target-0-baseline-year").getValue()).isEqualTo(2023);
        assertThat(window.find(BigDecimalField.class).id("plan-target-0-baseline-value").getValue())
                .isEqualByComparingTo("108");
        window.find(BigDecimalField.class).id("plan-target-0-baseline-value").clear();
        window.test(window.find(IntegerField.class).id("plan-target-0-baseline-year")).setValue(2022);
        assertThat(window.find(BigDecimalField.class).id("plan-target-0-baseline-value").getValue())
                .isEqualByComparingTo("110");
        window.test(window.find(BigDecimalField.class).id("plan-target-0-target-value"))
                .setValue(new BigDecimal("100"));
        window.test(window.find(IntegerField.class).id("plan-target-0-target-year")).setValue(2026);
        click(window, "plan-add-action");
        click(window, "plan-add-action");
        window.test(window.find(TextField.class).id("plan-action-1-description")).setValue("Map the home visits");
        window.test(window.find(TextField.class).id("plan-action-1-owner")).setValue("Social service");
        window.test(window.find(DatePicker.class).id("plan-action-1-due")).setValue(LocalDate.of(2025, 3, 31));
        window.test(window.find(TextField.class).id("plan-action-2-description")).setValue("Share routes");
        @SuppressWarnings("unchecked")
        Select<ActionStatus> status = window.find(Select.class).id("plan-action-2-status");
        window.test(status).selectItem(window.getUI().getTranslation("bench.plan.action.status.IN_PROGRESS"));
        click(window, "plan-save");

        // 2023's 108 is a fifth of the way from 110 (2022) to 100
        String fifth = window.getUI().getTranslation("bench.plans.progress", "20");
        assertThat(window.find(Span.class).id("plan-progress-0-percent").getText()).isEqualTo(fifth);
        assertThat(window.find(Span.class).id("plan-overall-progress").getText())
                .isEqualTo(window.getUI().getTranslation("bench.plan.overall", fifth));
        assertThat(window.find(Span.class).id("plan-progress-0-figures").getText()).contains("110", "2022", "108",
                "2023", "100", "2026");

        window.navigate("benchlearning/plans", eu.koopera.benchlearning.ui.PlansView.class);
        GridTester<Grid<Plan>, Plan> plans = grid(window, "plans");
        int row = IntStream.range(0, plans.size()).filter(i -> plans.getRow(i).service().equals("Home care"))
                .findFirst().orElseThrow();
        Plan listed = plans.getRow(row);
        assertThat(listed.memberName()).isEqualTo("Balvu novads");
        assertThat(listed.status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(listed.actions()).extracting(Plan.Action::description, Plan.Action::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Map the home visits", ActionStatus.PLANNED),
                org.assertj.core.groups.Tuple.tuple("Share routes", ActionStatus.IN_PROGRESS));
        assertThat(plans.getCellText(row, 4)).isEqualTo(fifth);
        assertThat(window.find(Span.class).id("plans-total").getText())
                .isEqualTo(window.getUI().getTranslation("bench.plans.total", plans.size()));
        assertThat(api.get("/api/plans?member=" + balvi, bearer(admin)).body()).contains("\"Home care\"",
                "\"Social service\"", "\"2025-03-31\"");

        // opened again: an action removed and the status changed are saved, and the plan shows again
        window.getUI().navigate("benchlearning/plans/" + listed.id());
        assertThat(window.find(TextField.class).id("plan-action-1-description").getValue())
                .isEqualTo("Map the home visits");
        click(window, "plan-action-1-remove");
        @SuppressWarnings("unchecked")
        Select<PlanStatus> planStatus = window.find(Select.class).id("plan-status");
        window.test(planStatus).selectItem(window.getUI().getTranslation("bench.plans.status.ACTIVE"));
        click(window, "plan-save");
        assertThat(window.find(Span.class).id("plan-progress-0-percent").getText()).isEqualTo(fifth);
        TestClient.Response stored = api.get("/api/plans/" + listed.id(), bearer(admin));
        assertThat(stored.body()).contains("\"ACTIVE\"", "\"Share routes\"").doesNotContain("Map the home visits");
        assertThat(stored.string("version")).isEqualTo("1");
    }

    @Test
    void aMunicipalUserSeesOnlyTheirOwnPlansAndTheirProgressMovesWithTheNextYearsValues() {
        long aluksne = ids.get("Alūksnes novads");
        long dobele = ids.get("Dobeles novads");
        TestClient.Response foreign = api.post("/api/plans", Map.of("member", dobele, "service", "Libraries",
                "targets", List.of(Map.of("indicator", "care.cost", "baselineYear", 2022, "targetYear", 2025,
                        "targetValue", 120))), bearer(admin));
        assertThat(foreign.status()).as(foreign.body()).isEqualTo(201);

        BrowserlessUIContext window = signedIn("aluksne");
        window.navigate("my-plans", eu.koopera.benchlearning.ui.MyPlansView.class);
        assertThat(window.find(SideNavItem.class).all()).extracting(SideNavItem::getLabel)
                .contains(window.getUI().getTranslation("nav.myPlans"))
                .doesNotContain(window.getUI().getTranslation("nav.benchPlans"));
        assertThat(grid(window, "my-plans").size()).isZero();
        click(window, "create-my-plan");
        @SuppressWarnings("unchecked")
        ComboBox<MemberResponse> member = window.find(ComboBox.class).id("plan-member");
        assertThat(member.getValue().id()).isEqualTo(aluksne);
        assertThat(member.isReadOnly()).isTrue();
        window.test(window.find(TextField.class).id("plan-service")).setValue("Waiting lists");
        click(window, "plan-add-target");
        chooseIndicator(window, "plan-target-0-indicator");
        assertThat(window.find(IntegerField.class).id("plan-target-0-baseline-year").getValue()).isEqualTo(2023);
        assertThat(window.find(BigDecimalField.class).id("plan-target-0-baseline-value").getValue())
                .isEqualByComparingTo("98");
        window.test(window.find(BigDecimalField.class).id("plan-target-0-target-value"))
                .setValue(new BigDecimal("90"));
        window.test(window.find(IntegerField.class).id("plan-target-0-target-year")).setValue(2025);
        click(window, "plan-save");
        assertThat(window.find(Span.class).id("plan-progress-0-percent").getText()).isEqualTo("—");

        window.navigate("my-plans", eu.koopera.benchlearning.ui.MyPlansView.class);
        GridTester<Grid<Plan>, Plan> mine = grid(window, "my-plans");
        assertThat(mine.size()).isEqualTo(1);
        Plan own = mine.getRow(0);
        assertThat(own.member()).isEqualTo(aluksne);
        assertThat(own.service()).isEqualTo("Waiting lists");
        assertThat(mine.getCellText(0, 2)).as("no value since the baseline yet").isEqualTo("—");

        importValues("indicator;municipality;year;gender;value\ncare.cost;P0;2024;;94\n");

        // 2024's 94 is half the way from 98 (2023) to 90
        String half = window.getUI().getTranslation("bench.plans.progress", "50");
        window.navigate("my-plans", eu.koopera.benchlearning.ui.MyPlansView.class);
        assertThat(grid(window, "my-plans").getCellText(0, 2)).isEqualTo(half);
        window.getUI().navigate("benchlearning/plans/" + own.id());
        assertThat(window.find(Span.class).id("plan-progress-0-percent").getText()).isEqualTo(half);
        assertThat(window.find(Span.class).id("plan-progress-0-figures").getText()).contains("98", "94", "2024");
        assertThat(window.find(Span.class).id("plan-overall-progress").getText())
                .isEqualTo(window.getUI().getTranslation("bench.plan.overall", half));

        // another organisation's plan does not open
        window.getUI().navigate("benchlearning/plans/" + foreign.string("id"));
        assertThat(window.find(Paragraph.class).id("plan-missing").getText())
                .isEqualTo(window.getUI().getTranslation("error.notFound"));
    }

    @Test
    void aGoodPracticeRecordedInTheDialogIsListedAndShownOnThePlansOfItsIndicator() {
        long cesis = ids.get("Cēsu novads");
        TestClient.Response plan = api.post("/api/plans", Map.of("member", ids.get("Balvu novads"),
                "service", "Care at home", "targets", List.of(Map.of("indicator", "care.cost", "baselineYear", 2022,
                        "targetYear", 2027, "targetValue", 95))), bearer(admin));
        assertThat(plan.status()).as(plan.body()).isEqualTo(201);
        BrowserlessUIContext window = signedIn("admin");
        window.navigate("benchlearning/good-practices", eu.koopera.benchlearning.ui.GoodPracticesView.class);
        click(window, "create-practice");
        @SuppressWarnings("unchecked")
        ComboBox<MemberResponse> member = window.find(ComboBox.class).id("practice-member");
        ComboBoxTester<ComboBox<MemberResponse>, MemberResponse> members = window.test(member);
        members.setFilter("Cēsu");
        member.setValue(members.getSuggestionItems().stream().filter(item -> item.id() == cesis).findFirst()
                .orElseThrow());
        window.test(window.find(TextField.class).id("practice-title-lv")).setValue("Mājas aprūpes maršruti");
        window.test(window.find(TextArea.class).id("practice-description"))
                .setValue("Routes planned together with the clients cut the travel time by a third.");
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<Indicator> indicators = window.find(MultiSelectComboBox.class).id("practice-indicators");
        indicators.setValue(Set.copyOf(window.test(indicators).getSuggestionItems()));
        TextArea links = window.find(TextArea.class).id("practice-links");
        window.test(links).setValue("ftp://cesis.example/routes.pdf");
        click(window, "save-practice");
        assertThat(links.isInvalid()).isTrue();
        assertThat(links.getErrorMessage()).isEqualTo(window.getUI().getTranslation("bench.practice.linksInvalid",
                10));
        assertThat(api.get("/api/good-practices?member=" + cesis, bearer(admin)).body()).isEqualTo("[]");
        window.test(links).setValue("https://cesis.example/routes.pdf");
        click(window, "save-practice");

        GridTester<Grid<GoodPractice>, GoodPractice> listed = grid(window, "practices");
        GoodPractice saved = IntStream.range(0, listed.size()).mapToObj(listed::getRow)
                .filter(item -> item.title().lv() != null && item.title().lv().equals("Mājas aprūpes maršruti"))
                .findFirst().orElseThrow();
        assertThat(saved.member()).isEqualTo(cesis);
        assertThat(saved.indicators()).containsExactly("care.cost");
        assertThat(saved.links()).containsExactly("https://cesis.example/routes.pdf");
        window.getUI().navigate("benchlearning/good-practices", QueryParameters.simple(Map.of("indicator",
                "care.cost")));
        assertThat(grid(window, "practices").size()).isGreaterThanOrEqualTo(1);

        // documents: added in the example's dialog once it is saved, checked by content, listed for download
        GridTester<Grid<GoodPractice>, GoodPractice> shown = grid(window, "practices");
        int row = IntStream.range(0, shown.size()).filter(i -> shown.getRow(i).id() == saved.id()).findFirst()
                .orElseThrow();
        window.test((Button) shown.getCellComponent(row, 4)).click();
        Upload upload = window.find(Upload.class).id("practice-document-upload-" + saved.id());
        window.test(upload).upload("../Maršruti.pdf", "application/pdf",
                "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        List<Map<String, Object>> stored = documents(saved.id());
        assertThat(stored).singleElement().satisfies(document -> assertThat(document)
                .containsEntry("fileName", "Maršruti.pdf").containsEntry("mediaType", "application/pdf"));
        long document = ((Number) stored.getFirst().get("id")).longValue();
        assertThat(window.find(Anchor.class).id("practice-document-" + document).getText()).isEqualTo("Maršruti.pdf");
        window.test(window.find(Upload.class).id("practice-document-upload-" + saved.id())).upload("page.pdf",
                "application/pdf", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        assertThat(window.find(Notification.class).id("practice-document-refusal").getElement().getProperty("text"))
                .as("the refusal in the user's language")
                .isEqualTo(window.getUI().getTranslation("problem.document.unsupported"));
        assertThat(documents(saved.id())).as("the refused file wrote nothing").hasSize(1);

        window.getUI().navigate("benchlearning/plans/" + plan.string("id"));
        Div practices = window.find(Div.class).id("plan-practices");
        assertThat(practices.getChildren().map(child -> child.getId().orElse("")))
                .contains("practice-" + saved.id());
        assertThat(window.find(Anchor.class).id("practice-download-" + document).getText())
                .as("the plan's readers download the example's document").isEqualTo("Maršruti.pdf");
    }

    @Test
    void badInputIsRefusedInTheUsersLanguageAndWritesNothing() {
        long cesis = ids.get("Cēsu novads");
        BrowserlessUIContext window = signedIn("admin");
        openNewPlan(window, cesis);
        click(window, "plan-add-target");
        chooseIndicator(window, "plan-target-0-indicator");
        window.test(window.find(BigDecimalField.class).id("plan-target-0-target-value"))
                .setValue(new BigDecimal("100"));
        window.test(window.find(IntegerField.class).id("plan-target-0-target-year")).setValue(2020);
        click(window, "plan-save");
        TextField service = window.find(TextField.class).id("plan-service");
        assertThat(service.isInvalid()).isTrue();
        assertThat(service.getErrorMessage()).isEqualTo(window.getUI().getTranslation("validation.required"));
        IntegerField targetYear = window.find(IntegerField.class).id("plan-target-0-target-year");
        assertThat(targetYear.isInvalid()).isTrue();
        assertThat(targetYear.getErrorMessage())
                .isEqualTo(window.getUI().getTranslation("problem.plan.target.year"));

        // the service refuses a baseline year without a stored value; its code is shown in the user's language
        window.test(service).setValue("Libraries");
        window.test(targetYear).setValue(2026);
        window.find(BigDecimalField.class).id("plan-target-0-baseline-value").clear();
        window.test(window.find(IntegerField.class).id("plan-target-0-baseline-year")).setValue(2010);
        click(window, "plan-save");
        BigDecimalField baseline = window.find(BigDecimalField.class).id("plan-target-0-baseline-value");
        assertThat(baseline.isInvalid()).isTrue();
        assertThat(baseline.getErrorMessage()).isEqualTo(window.getUI()
                .getTranslation("problem.plan.baseline.missing", "care.cost", "2010"));
        assertThat(api.get("/api/plans?member=" + cesis, bearer(admin)).body()).isEqualTo("[]");
    }

    private void openNewPlan(BrowserlessUIContext window, long member) {
        window.getUI().navigate("benchlearning/plans/new", QueryParameters.simple(Map.of("member",
                Long.toString(member))));
    }

    private static void chooseIndicator(BrowserlessUIContext window, String id) {
        @SuppressWarnings("unchecked")
        ComboBox<Indicator> indicator = window.find(ComboBox.class).id(id);
        indicator.setValue(window.test(indicator).getSuggestionItems().stream()
                .filter(item -> item.code().equals("care.cost")).findFirst().orElseThrow());
    }

    private void importValues(String csv) {
        TestClient.Response imported = api.send("/api/indicator-values/import?format=long", "POST", csv,
                "text/csv", bearer(admin));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    }

    private BrowserlessUIContext signedIn(String username) {
        BrowserlessUIContext window = newVisitor();
        signIn(window, "Association " + tenant, username, PASSWORD);
        return window;
    }

    /** A MEMBER user linked through the invitation to a person of {@code memberId}. */
    private void officer(String username, long memberId) {
        String email = username + "@" + tenant + ".example";
        TestClient.Response person = api.post("/api/people", Map.of("memberId", memberId, "firstName", "Officer",
                "lastName", username, "email", email), bearer(admin));
        assertThat(person.status()).as(person.body()).isEqualTo(201);
        TestClient.Response invited = api.post("/api/people/" + person.string("id") + "/invitations",
                Map.of("roles", List.of("MEMBER")), bearer(admin));
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        String token = Outbox.invitationToken(Outbox.latestTo(email).orElseThrow().bodyText(), tenant);
        TestClient.Response accepted = api.post("/api/public/invitations/" + tenant + "/" + token + "/accept",
                Map.of("username", username, "password", PASSWORD));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
    }

    private static <T> GridTester<Grid<T>, T> grid(BrowserlessUIContext window, String id) {
        @SuppressWarnings("unchecked")
        Grid<T> grid = window.find(Grid.class).id(id);
        return window.test(grid);
    }

    private static void click(BrowserlessUIContext window, String id) {
        window.test(window.find(Button.class).id(id)).click();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> documents(long practice) {
        return (List<Map<String, Object>>) api.get("/api/good-practices/" + practice, bearer(admin)).map()
                .get("documents");
    }
}
