package eu.koopera.ui;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import eu.koopera.benchlearning.Comparison;
import eu.koopera.benchlearning.Direction;
import eu.koopera.benchlearning.Indicator;
import eu.koopera.benchlearning.WeakSpot;
import eu.koopera.benchlearning.ui.ComparisonView;
import eu.koopera.benchlearning.ui.IndicatorsView;
import eu.koopera.benchlearning.ui.MyPositionView;
import eu.koopera.benchlearning.ui.ValueImportView;
import eu.koopera.platform.web.Problem;
import com.vaadin.flow.component.upload.Upload;
import java.nio.charset.StandardCharsets;
import eu.koopera.support.Outbox;
import eu.koopera.support.TestClient;
import eu.koopera.ui.support.BrowserlessUiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchlearning in the portal: staff create an indicator in the catalogue dialog and find it listed; the comparison
 * page draws the peers' bars with the chosen municipality highlighted, its key figures, the peers' table, the trend
 * and the box plot, and says the values are generated demo data; a municipal user's "My position" lists the
 * indicators on which their organisation is in the worst quarter.
 */
@MicronautTest(transactional = false)
class BenchlearningViewsTest extends BrowserlessUiTest {

    private static final String PASSWORD = "bench-views-password-123";
    private static final String[] NAMES = {"Ādažu novads", "Bauskas novads", "Cēsu novads", "Dobeles novads",
            "Gulbenes novads"};

    private String tenant;
    private String admin;
    private final Map<String, Long> ids = new LinkedHashMap<>();

    @BeforeAll
    void association() {
        tenant = api.createTenantWithAdmin("uibench", PASSWORD);
        admin = api.login(tenant, "admin", PASSWORD);
        for (int i = 0; i < NAMES.length; i++) {
            TestClient.Response created = api.post("/api/members", Map.of("code", "B" + i, "name", NAMES[i],
                    "kind", "MUNICIPALITY"), bearer(admin));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            ids.put(NAMES[i], Long.parseLong(created.string("id")));
        }
        TestClient.Response indicator = api.post("/api/indicators", Map.of("code", "care.cost",
                "name", Map.of("lv", "Aprūpes izmaksas", "lt", "Priežiūros išlaidos", "en", "Cost of care"),
                "unit", "EUR", "direction", "LOWER_IS_BETTER", "serviceArea", "social-care",
                "source", "Generated demo data, not real figures"), bearer(admin));
        assertThat(indicator.status()).as(indicator.body()).isEqualTo(201);
        StringBuilder csv = new StringBuilder("indicator;municipality;year;gender;value\n");
        for (int year = 2021; year <= 2023; year++) {
            for (int i = 0; i < NAMES.length; i++) {
                csv.append("care.cost;B").append(i).append(';').append(year).append(";;")
                        .append(100 + 10 * i - (year - 2021)).append('\n');
            }
        }
        TestClient.Response imported = api.send("/api/indicator-values/import?format=long", "POST", csv.toString(),
                "text/csv", bearer(admin));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        officer("gulbene", ids.get("Gulbenes novads"));
    }

    @Test
    void staffCreateAnIndicatorInTheCatalogueDialogAndSeeItListed() {
        BrowserlessUIContext window = signedIn("admin");
        window.navigate("benchlearning/indicators", IndicatorsView.class);
        assertThat(this.<Indicator>rows(window, "indicators")).extracting(Indicator::code).contains("care.cost");

        click(window, "create-indicator");
        window.test(window.find(TextField.class).id("indicator-code")).setValue("edu.pupils");
        click(window, "save-indicator");
        assertThat(window.find(TextField.class).id("indicator-name-lv").isInvalid()).isTrue();

        window.test(window.find(TextField.class).id("indicator-name-lv")).setValue("Skolēni uz skolotāju");
        window.test(window.find(TextField.class).id("indicator-unit")).setValue("skolēni");
        window.test(window.find(TextField.class).id("indicator-area")).setValue("education");
        @SuppressWarnings("unchecked")
        Select<Direction> direction = window.find(Select.class).id("indicator-direction");
        direction.setValue(Direction.NEUTRAL);
        click(window, "save-indicator");

        assertThat(this.<Indicator>rows(window, "indicators")).anySatisfy(listed -> {
            assertThat(listed.code()).isEqualTo("edu.pupils");
            assertThat(listed.name().lv()).isEqualTo("Skolēni uz skolotāju");
            assertThat(listed.direction()).isEqualTo(Direction.NEUTRAL);
        });
        assertThat(api.get("/api/indicators/edu.pupils", bearer(admin)).status()).isEqualTo(200);
    }

    @Test
    void theComparisonPageDrawsThePeersWithTheMunicipalityHighlighted() {
        long cesis = ids.get("Cēsu novads");
        BrowserlessUIContext window = signedIn("admin");
        window.navigate(ComparisonView.class);
        window.getUI().navigate("benchlearning/compare", QueryParameters.simple(Map.of("indicator", "care.cost",
                "year", "2023", "member", Long.toString(cesis))));

        String svg = ((Html) window.find(Div.class).id("comparison-chart").getChildren().findFirst().orElseThrow())
                .getInnerHtml();
        assertThat(svg).contains("peer-" + cesis + "-self", "Cēsu novads", "Aprūpes izmaksas");
        Matcher bars = Pattern.compile("peer-(\\d+)").matcher(svg);
        Set<Long> drawn = new HashSet<>();
        while (bars.find()) {
            drawn.add(Long.parseLong(bars.group(1)));
        }
        assertThat(drawn).containsExactlyInAnyOrderElementsOf(ids.values());
        List<Comparison.Peer> peers = rows(window, "peers");
        assertThat(peers).hasSize(5).extracting(Comparison.Peer::name).containsExactly(NAMES);
        assertThat(peers.get(2).self()).isTrue();
        assertThat(window.find(Paragraph.class).id("figure-rank").getText()).contains("3", "5");
        assertThat(window.find(Paragraph.class).id("demo-data-label").getText())
                .isEqualTo(window.getUI().getTranslation("bench.demoData"));
        assertThat(window.find(Div.class).id("trend-chart").getElement().getAttribute("role")).isEqualTo("img");
        assertThat(window.find(Div.class).id("box-chart").getElement().getAttribute("aria-label")).isNotBlank();
    }

    @Test
    void aMunicipalUserSeesWhereTheirOrganisationIsInTheWorstQuarter() {
        BrowserlessUIContext window = signedIn("gulbene");
        window.navigate("my-position", MyPositionView.class);
        List<WeakSpot> spots = rows(window, "weak-spots");
        assertThat(spots).singleElement().satisfies(spot -> {
            assertThat(spot.indicator()).isEqualTo("care.cost");
            assertThat(spot.rank()).isEqualTo(5);
            assertThat(spot.of()).isEqualTo(5);
        });
        String trend = ((Html) window.find(Div.class).id("position-trend-chart").getChildren().findFirst()
                .orElseThrow()).getInnerHtml();
        assertThat(trend).contains("Gulbenes novads", "2021", "2023");
    }

    @Test
    void theImportWizardTellsWrongCellsInTheUsersLanguageAndThenImports() {
        BrowserlessUIContext window = signedIn("admin");
        window.navigate(ValueImportView.class);
        String bad = "indicator;municipality;year;gender;value\ncare.cost;NOPE;2024;;100\ncare.cost;B0;2024;;abc\n";
        window.test(window.find(Upload.class).id("import-upload")).upload("values.csv", "text/csv",
                bad.getBytes(StandardCharsets.UTF_8));
        click(window, "import-check");
        List<Problem.FieldError> cells = rows(window, "import-errors");
        assertThat(cells).extracting(Problem.FieldError::code)
                .containsExactlyInAnyOrder("import.municipality.unknown", "import.number");
        assertThat(window.find(Button.class).id("import-run").isEnabled()).isFalse();

        String good = "indicator;municipality;year;gender;value\ncare.cost;B0;2024;;95\ncare.cost;B1;2024;;105\n";
        window.test(window.find(Upload.class).id("import-upload")).upload("values.csv", "text/csv",
                good.getBytes(StandardCharsets.UTF_8));
        click(window, "import-check");
        click(window, "import-run");
        assertThat(window.find(Paragraph.class).id("import-outcome").getText())
                .isEqualTo(window.getUI().getTranslation("import.done", 2, 0));
        assertThat(api.get("/api/indicator-values?indicator=care.cost&yearFrom=2024", bearer(admin)).body())
                .contains("\"total\":2");
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

    private <T> List<T> rows(BrowserlessUIContext window, String id) {
        @SuppressWarnings("unchecked")
        Grid<T> grid = window.find(Grid.class).id(id);
        GridTester<Grid<T>, T> rows = window.test(grid);
        return IntStream.range(0, rows.size()).mapToObj(rows::getRow).toList();
    }

    private static void click(BrowserlessUIContext window, String id) {
        window.test(window.find(Button.class).id(id)).click();
    }
}
