package eu.koopera.benchlearning;

import eu.koopera.networks.Associations;
import eu.koopera.networks.Associations.Association;
import eu.koopera.support.IntegrationTest;
import eu.koopera.support.TestClient;
import eu.koopera.support.TestClient.Response;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A network's (or a peer group's) members side by side on several indicators, checked against ranks, quartiles,
 * colours, means and medians computed here in plain Java over the same rows, with ties and a member without a value;
 * members outside the network stay out; bad requests are refused with codes; the table downloads as CSV.
 */
@MicronautTest(transactional = false)
class SideBySideApiTest extends IntegrationTest {

    private static final List<String> INDICATORS = List.of("soc.wait", "edu.score", "pop.density");
    private static final Map<String, String> DIRECTIONS = Map.of("soc.wait", "LOWER_IS_BETTER",
            "edu.score", "HIGHER_IS_BETTER", "pop.density", "NEUTRAL");
    private static final List<String> IN_NETWORK = List.of("Alūksnes novads", "Balvu novads", "Cēsu novads",
            "Dobeles novads", "Gulbenes novads", "Jelgavas novads", "Krāslavas novads");
    private static final List<String> OUTSIDE = List.of("Ogres novads", "Rēzeknes novads");
    /** The network member without a value of soc.wait in 2023. */
    private static final String MISSING = "Dobeles novads";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    TestClient client;
    Association lps;
    String network;
    /** member name → code */
    final Map<String, String> codes = new LinkedHashMap<>();
    /** indicator → year → member name → value */
    final Map<String, Map<Integer, Map<String, BigDecimal>>> values = new TreeMap<>();

    @BeforeAll
    void association() {
        client = new TestClient(server.getURI(), json);
        Associations associations = new Associations(client);
        List<String> all = new ArrayList<>(IN_NETWORK);
        all.addAll(OUTSIDE);
        lps = associations.create("sbs", all.toArray(String[]::new));
        for (String name : all) {
            codes.put(name, client.get("/api/members/" + lps.member(name), bearer(lps.admin())).string("code"));
        }
        network = associations.network(lps, "Sociālie pakalpojumi", "ACTIVE", null);
        associations.take(lps, network, IN_NETWORK.toArray(String[]::new));
        for (String code : INDICATORS) {
            Response created = client.post("/api/indicators", Map.of("code", code,
                    "name", Map.of("lv", "Rādītājs " + code, "en", "Indicator " + code),
                    "direction", DIRECTIONS.get(code)), bearer(lps.admin()));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
        }
        Random random = new Random(7);
        StringBuilder csv = new StringBuilder("indicator;municipality;year;gender;value\n");
        for (String indicator : INDICATORS) {
            for (int year = 2022; year <= 2023; year++) {
                for (String name : all) {
                    if (name.equals(MISSING) && indicator.equals("soc.wait") && year == 2023) {
                        continue;
                    }
                    // few distinct values, so that ties are frequent
                    BigDecimal value = BigDecimal.valueOf(random.nextInt(6) * 5L + year - 2000);
                    values.computeIfAbsent(indicator, k -> new TreeMap<>())
                            .computeIfAbsent(year, k -> new TreeMap<>()).put(name, value);
                    csv.append(indicator).append(';').append(codes.get(name)).append(';').append(year)
                            .append(";;").append(value.toPlainString()).append('\n');
                }
            }
        }
        Response imported = client.send("/api/indicator-values/import?format=long", "POST", csv.toString(),
                "text/csv", bearer(lps.admin()));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    }

    @Test
    void aNetworksMembersSideBySideMatchTheFiguresComputedHere() {
        Response response = client.get("/api/comparisons/side-by-side?network=" + network
                + "&indicators=soc.wait,edu.score,pop.density&year=2023", bearer(lps.coordinator()));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertSideBySide(response.map(), 2023, IN_NETWORK);
        Map<String, BigDecimal> wait = inNetwork("soc.wait", 2023, IN_NETWORK);
        assertThat(wait.values().stream().distinct().count()).as("the data has ties").isLessThan(wait.size());
    }

    @Test
    void theYearDefaultsToTheLatestAndAPeerGroupWorksLikeANetwork() {
        List<String> picked = List.of("Balvu novads", "Cēsu novads", "Ogres novads", "Rēzeknes novads");
        Response group = client.post("/api/peer-groups", Map.of("name", "Izvēlētie", "members",
                picked.stream().map(lps::member).toList()), bearer(lps.admin()));
        assertThat(group.status()).as(group.toString()).isEqualTo(201);
        Response response = client.get("/api/comparisons/side-by-side?group=" + group.string("id")
                + "&indicators=edu.score,soc.wait", bearer(lps.admin()));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(((Number) response.map().get("year")).intValue()).isEqualTo(2023);
        assertSideBySide(response.map(), 2023, picked);
    }

    @Test
    void badRequestsAreRefusedWithCodes() {
        String base = "/api/comparisons/side-by-side?";
        assertRefused(base + "network=" + network + "&indicators=soc.wait,nope", 404, "indicator.unknown");
        assertRefused(base + "network=" + network + "&indicators=,", 400, "required");
        String thirteen = IntStream.rangeClosed(1, 13).mapToObj(i -> "i" + i).collect(Collectors.joining(","));
        assertRefused(base + "network=" + network + "&indicators=" + thirteen, 400, "sideBySide.indicators.tooMany");
        assertRefused(base + "indicators=soc.wait", 400, "sideBySide.group.one");
        assertRefused(base + "group=1&network=" + network + "&indicators=soc.wait", 400, "sideBySide.group.one");
        assertRefused(base + "group=987654&indicators=soc.wait", 404, "peerGroup.unknown");
        assertThat(client.get(base + "network=" + network + "&indicators=soc.wait&year=1989",
                bearer(lps.admin())).status()).isEqualTo(400);
        assertThat(client.get(base + "network=" + network + "&indicators=soc.wait&year=2101",
                bearer(lps.admin())).status()).isEqualTo(400);
        assertThat(client.get(base + "network=00000000-0000-0000-0000-000000000001&indicators=soc.wait",
                bearer(lps.admin())).status()).isEqualTo(404);
    }

    @Test
    void theTableDownloadsAsCsvWithAColumnTripleForEachIndicator() {
        Response table = client.get("/api/comparisons/side-by-side/table?format=csv&network=" + network
                + "&indicators=soc.wait,edu.score&year=2023", bearer(lps.admin()));
        assertThat(table.status()).as(table.toString()).isEqualTo(200);
        assertThat(table.header("Content-Disposition")).contains("side-by-side-2023");
        List<String> lines = table.body().lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines.getFirst()).contains("code", "name", "soc.wait.value", "soc.wait.rank",
                "soc.wait.quartile", "edu.score.value");
        assertThat(lines).hasSize(1 + IN_NETWORK.size() + 2);
        String dobele = lines.stream().filter(line -> line.contains(MISSING)).findFirst().orElseThrow();
        BigDecimal score = values.get("edu.score").get(2023).get(MISSING);
        assertThat(dobele).contains(codes.get(MISSING)).contains(score.toPlainString());
        assertThat(lines.get(lines.size() - 1)).startsWith("median");
        assertThat(table.body().getBytes(StandardCharsets.UTF_8).length).isPositive();
    }

    private void assertRefused(String path, int status, String code) {
        Response response = client.get(path, bearer(lps.admin()));
        assertThat(response.status()).as(path + " → " + response).isEqualTo(status);
        String body = response.body();
        assertThat(body).as(path).contains("\"" + code + "\"");
    }

    private Map<String, BigDecimal> inNetwork(String indicator, int year, List<String> members) {
        Map<String, BigDecimal> found = new TreeMap<>();
        values.get(indicator).get(year).forEach((name, value) -> {
            if (members.contains(name)) {
                found.put(name, value);
            }
        });
        return found;
    }

    @SuppressWarnings("unchecked")
    private void assertSideBySide(Map<String, Object> got, int year, List<String> members) {
        List<Map<String, Object>> columns = (List<Map<String, Object>>) got.get("indicators");
        List<Map<String, Object>> rows = (List<Map<String, Object>>) got.get("members");
        assertThat(rows).extracting(row -> (String) row.get("name"))
                .containsExactlyInAnyOrderElementsOf(members);
        List<String> asked = columns.stream().map(column -> (String) column.get("indicator")).toList();
        for (int i = 0; i < asked.size(); i++) {
            String indicator = asked.get(i);
            String direction = DIRECTIONS.get(indicator);
            Map<String, BigDecimal> peers = inNetwork(indicator, year, members);
            Map<String, Object> column = columns.get(i);
            double q1 = ComparisonsApiTest.percentileCont(peers.values(), 0.25);
            double median = ComparisonsApiTest.percentileCont(peers.values(), 0.5);
            double q3 = ComparisonsApiTest.percentileCont(peers.values(), 0.75);
            assertThat(column.get("direction")).isEqualTo(direction);
            assertThat(((Number) column.get("of")).intValue()).as(indicator).isEqualTo(peers.size());
            assertThat(((Number) column.get("median")).doubleValue()).as(indicator).isCloseTo(median, within(1e-9));
            assertThat(((Number) column.get("mean")).doubleValue()).as(indicator).isCloseTo(mean(peers.values()),
                    within(1e-9));
            for (Map<String, Object> row : rows) {
                String name = (String) row.get("name");
                Map<String, Object> cell = ((List<Map<String, Object>>) row.get("cells")).get(i);
                String where = indicator + " " + name;
                assertThat(cell.get("indicator")).as(where).isEqualTo(indicator);
                BigDecimal mine = peers.get(name);
                if (mine == null) {
                    assertThat(cell.get("value")).as(where).isNull();
                    assertThat(cell.get("rank")).as(where).isNull();
                    assertThat(cell.get("colour")).as(where).isNull();
                    continue;
                }
                assertThat(new BigDecimal(String.valueOf(cell.get("value")))).as(where).isEqualByComparingTo(mine);
                long better = peers.values().stream().filter(v -> direction.equals("LOWER_IS_BETTER")
                        ? v.compareTo(mine) < 0 : v.compareTo(mine) > 0).count();
                assertThat(((Number) cell.get("rank")).intValue()).as(where).isEqualTo(better + 1);
                if (direction.equals("NEUTRAL")) {
                    assertThat(cell.get("quartile")).as(where).isNull();
                    assertThat(cell.get("colour")).as(where).isNull();
                    continue;
                }
                double v = mine.doubleValue();
                int quartile = direction.equals("HIGHER_IS_BETTER")
                        ? (v >= q3 ? 1 : v >= median ? 2 : v >= q1 ? 3 : 4)
                        : (v <= q1 ? 1 : v <= median ? 2 : v <= q3 ? 3 : 4);
                assertThat(((Number) cell.get("quartile")).intValue()).as(where).isEqualTo(quartile);
                assertThat(cell.get("colour")).as(where)
                        .isEqualTo(quartile == 1 ? "GREEN" : quartile == 4 ? "RED" : "YELLOW");
            }
        }
    }

    private static double mean(Collection<BigDecimal> values) {
        return values.stream().mapToDouble(BigDecimal::doubleValue).average().orElseThrow();
    }
}
