package eu.koopera.benchlearning;

import eu.koopera.support.IntegrationTest;
import eu.koopera.support.TestClient;
import eu.koopera.support.TestClient.Response;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Charts and their tables over HTTP: the ranked bars are well-formed SVG with one bar per peer and the member's
 * name, titled in the language asked for; PNGs are PNGs; tables download with English column codes; bad
 * parameters are refused with a problem.
 */
@MicronautTest(transactional = false)
class ChartsApiTest extends IntegrationTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    TestClient client;
    String admin;
    final Map<String, Long> ids = new LinkedHashMap<>();

    @BeforeAll
    void association() {
        client = new TestClient(server.getURI(), json);
        String tenant = client.createTenantWithAdmin("chart", "admin-password-123");
        admin = client.login(tenant, "admin", "admin-password-123");
        String[] names = {"Ādaži", "Bauska", "Cēsis", "Dobele", "Ērgļi", "Gulbene"};
        for (int i = 0; i < names.length; i++) {
            Response created = client.post("/api/members", Map.of("code", "C" + i, "name", names[i],
                    "kind", "MUNICIPALITY", "population", 1000 * (i + 1)), bearer(admin));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            ids.put(names[i], ((Number) created.map().get("id")).longValue());
        }
        Response indicator = client.post("/api/indicators", Map.of("code", "care.cost",
                "name", Map.of("lv", "Aprūpes izmaksas", "en", "Cost of care"), "unit", "EUR",
                "direction", "LOWER_IS_BETTER", "serviceArea", "social-care"), bearer(admin));
        assertThat(indicator.status()).as(indicator.toString()).isEqualTo(201);
        StringBuilder csv = new StringBuilder("indicator;municipality;year;gender;value\n");
        for (int year = 2020; year <= 2023; year++) {
            for (int i = 0; i < names.length; i++) {
                csv.append("care.cost;C").append(i).append(';').append(year).append(";;")
                        .append(100 + 10 * i + year - 2020).append('\n');
            }
        }
        Response imported = client.send("/api/indicator-values/import?format=long", "POST", csv.toString(),
                "text/csv", bearer(admin));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    }

    @Test
    void theRankedBarChartIsSvgWithOneBarPerPeerAndTheMemberMarked() throws Exception {
        HttpResponse<byte[]> response = client.getBytes("/api/charts/comparison.svg?indicator=care.cost&year=2023"
                + "&member=" + ids.get("Cēsis") + "&lang=lv", bearer(admin));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("image/svg+xml"));
        assertThat(response.headers().firstValue("Content-Disposition")).hasValue(
                "inline; filename=\"comparison-care.cost-2023.svg\"");
        Document svg = parse(response.body());
        List<String> bars = new ArrayList<>();
        NodeList groups = svg.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            String id = ((Element) groups.item(i)).getAttribute("id");
            if (id.startsWith("peer-")) {
                bars.add(id);
            }
        }
        assertThat(bars).hasSize(6).contains("peer-" + ids.get("Cēsis") + "-self")
                .filteredOn(id -> id.endsWith("-self")).hasSize(1);
        String texts = svg.getDocumentElement().getTextContent();
        assertThat(texts).contains("3. Cēsis (jūs)", "1. Ādaži", "6. Gulbene", "Aprūpes izmaksas, 2023",
                "Mediāna", "Q1 labākā ceturtdaļa", "Q4 vājākā ceturtdaļa", "Vērtība (EUR)");
    }

    @Test
    void chartsSpeakTheLanguageOfAcceptLanguageWhenNoLangIsGiven() throws Exception {
        HttpResponse<byte[]> response = client.getBytes("/api/charts/comparison.svg?indicator=care.cost&member="
                + ids.get("Bauska"), bearer(admin, "Accept-Language", "de-DE, en;q=0.8"));
        assertThat(response.statusCode()).isEqualTo(200);
        String texts = parse(response.body()).getDocumentElement().getTextContent();
        assertThat(texts).contains("Cost of care, 2023", "2. Bauska (you)", "Median");
    }

    @Test
    void trendAndBoxPlotAreDrawnWithTheBaselineAndTheMemberMarked() throws Exception {
        HttpResponse<byte[]> trend = client.getBytes("/api/charts/trend.svg?indicator=care.cost&baseline=2021"
                + "&member=" + ids.get("Dobele") + "&lang=en&download=true", bearer(admin));
        assertThat(trend.statusCode()).isEqualTo(200);
        assertThat(trend.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"trend-care.cost.svg\"");
        String trendText = parse(trend.body()).getDocumentElement().getTextContent();
        assertThat(trendText).contains("Cost of care: Dobele", "Baseline 2021", "Peer median", "2020", "2023");

        HttpResponse<byte[]> box = client.getBytes("/api/charts/box.svg?indicator=care.cost&year=2022&member="
                + ids.get("Dobele") + "&lang=lv", bearer(admin));
        assertThat(box.statusCode()).isEqualTo(200);
        assertThat(parse(box.body()).getDocumentElement().getTextContent())
                .contains("Aprūpes izmaksas, 2022", "Dobele 132");
    }

    @Test
    void pngChartsStartWithThePngSignature() {
        for (String chart : List.of("comparison", "trend", "box")) {
            HttpResponse<byte[]> response = client.getBytes("/api/charts/" + chart + ".png?indicator=care.cost"
                    + "&member=" + ids.get("Ērgļi"), bearer(admin));
            assertThat(response.statusCode()).as(chart).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
            assertThat(Arrays.copyOf(response.body(), 8)).as(chart).isEqualTo(PNG_SIGNATURE);
        }
    }

    @Test
    void tablesDownloadWithEnglishColumnCodes() {
        HttpResponse<byte[]> peers = client.getBytes("/api/comparisons/table?format=csv&indicator=care.cost"
                + "&year=2023&member=" + ids.get("Cēsis"), bearer(admin));
        assertThat(peers.statusCode()).isEqualTo(200);
        assertThat(peers.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"comparison-care.cost-2023.csv\"");
        String csv = new String(peers.body(), StandardCharsets.UTF_8).replace("\uFEFF", "");
        assertThat(csv.lines().toList()).hasSize(7)
                .startsWith("rank;code;name;value;quartile;colour;self", "1;C0;Ādaži;103;1;GREEN;false")
                .contains("3;C2;Cēsis;123;2;YELLOW;true");

        HttpResponse<byte[]> trend = client.getBytes("/api/trends/table?format=xlsx&indicator=care.cost&member="
                + ids.get("Cēsis"), bearer(admin));
        assertThat(trend.statusCode()).isEqualTo(200);
        assertThat(Arrays.copyOf(trend.body(), 2)).isEqualTo(new byte[]{'P', 'K'});

        HttpResponse<byte[]> weak = client.getBytes("/api/comparisons/bottom-quartile/table?member="
                + ids.get("Gulbene") + "&lang=lv", bearer(admin));
        assertThat(weak.statusCode()).isEqualTo(200);
        assertThat(new String(weak.body(), StandardCharsets.UTF_8).replace("\uFEFF", "").lines().toList())
                .startsWith("indicator;name;unit;serviceArea;value;rank;of;q1;median;q3")
                .anySatisfy(line -> assertThat(line).startsWith("care.cost;Aprūpes izmaksas;EUR;social-care;153;6;6"));
    }

    @Test
    void badParametersAreRefusedWithAProblem() {
        assertProblem("/api/charts/comparison.gif?indicator=care.cost", 400);
        assertProblem("/api/charts/comparison.svg?indicator=care.cost&year=1800", 400);
        assertProblem("/api/charts/comparison.svg?indicator=no.such", 404);
        assertProblem("/api/charts/trend.svg?indicator=care.cost&member=999999", 404);
        assertProblem("/api/charts/trend.svg?indicator=care.cost", 400);
        assertProblem("/api/charts/box.png?indicator=care.cost&gender=F", 400);
        assertProblem("/api/comparisons/table?format=pdf&indicator=care.cost", 400);
    }

    private void assertProblem(String path, int status) {
        Response response = client.get(path, bearer(admin));
        assertThat(response.status()).as(path + " → " + response).isEqualTo(status);
        assertThat(response.contentType()).as(path).startsWith("application/problem+json");
    }

    private static Document parse(byte[] svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
    }
}
