package eu.koopera.benchlearning;

import eu.koopera.support.Database;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every comparison checked against figures computed here in plain Java over the same generated rows: ranks with
 * ties, percentiles, percentile_cont quartiles, colours, trends with missing years, the bottom-quartile scan, peer
 * groups and the most similar members.
 */
@MicronautTest(transactional = false)
class ComparisonsApiTest extends IntegrationTest {

    private static final String[] INDICATORS = {"care.cost", "edu.score", "pop.density", "svc.sat"};
    private static final Map<String, String> DIRECTIONS = Map.of("care.cost", "LOWER_IS_BETTER",
            "edu.score", "HIGHER_IS_BETTER", "pop.density", "NEUTRAL", "svc.sat", "HIGHER_IS_BETTER");
    private static final int MEMBERS = 12;

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    TestClient client;
    String tenant;
    String admin;
    /** member code → id */
    final Map<String, Long> ids = new LinkedHashMap<>();
    /** indicator → year → member code → value (totals only) */
    final Map<String, Map<Integer, Map<String, BigDecimal>>> values = new HashMap<>();

    @BeforeAll
    void association() {
        client = new TestClient(server.getURI(), json);
        tenant = client.createTenantWithAdmin("cmp", "admin-password-123");
        admin = client.login(tenant, "admin", "admin-password-123");
        for (int i = 1; i <= MEMBERS; i++) {
            String code = String.format("M%02d", i);
            Response created = client.post("/api/members", Map.of("code", code, "name", "Pašvaldība " + code,
                    "kind", i % 2 == 0 ? "STATE_CITY" : "MUNICIPALITY", "population", 1000 * i), bearer(admin));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            ids.put(code, ((Number) created.map().get("id")).longValue());
        }
        for (String code : INDICATORS) {
            Response created = client.post("/api/indicators", Map.of("code", code,
                    "name", Map.of("lv", "Rādītājs " + code, "en", "Indicator " + code),
                    "direction", DIRECTIONS.get(code), "genderSplit", code.equals("edu.score"),
                    "unit", "EUR", "serviceArea", code.substring(0, code.indexOf('.'))), bearer(admin));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
        }
        Random random = new Random(42);
        StringBuilder csv = new StringBuilder("indicator;municipality;year;gender;value\n");
        for (String indicator : INDICATORS) {
            for (int year = 2019; year <= 2024; year++) {
                for (String member : ids.keySet()) {
                    if (member.equals("M03") && indicator.equals("svc.sat") && year == 2022) {
                        continue; // a missing year
                    }
                    if (member.equals("M12") && year == 2024) {
                        continue; // a member without the latest year
                    }
                    // small whole numbers and halves, so that ties are frequent
                    BigDecimal value = BigDecimal.valueOf(random.nextInt(12), 0).divide(BigDecimal.TWO)
                            .add(BigDecimal.valueOf(year - 2019));
                    values.computeIfAbsent(indicator, k -> new TreeMap<>())
                            .computeIfAbsent(year, k -> new TreeMap<>()).put(member, value);
                    csv.append(indicator).append(';').append(member).append(';').append(year).append(";;")
                            .append(value.toPlainString().replace('.', ',')).append('\n');
                    if (indicator.equals("edu.score")) {
                        csv.append(indicator).append(';').append(member).append(';').append(year).append(";F;")
                                .append(value.add(BigDecimal.ONE).toPlainString()).append('\n');
                    }
                }
            }
        }
        Response imported = importCsv(csv.toString(), "long", false);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        int totals = values.values().stream().flatMap(y -> y.values().stream()).mapToInt(Map::size).sum();
        int women = values.get("edu.score").values().stream().mapToInt(Map::size).sum();
        assertThat(imported.map()).containsEntry("created", totals + women).containsEntry("updated", 0);
    }

    @Test
    void aMemberAgainstAllMembersMatchesTheFiguresComputedHere() {
        for (String indicator : INDICATORS) {
            for (int year : List.of(2019, 2022, 2024)) {
                for (String member : List.of("M01", "M03", "M07")) {
                    Map<String, Object> got = get("/api/comparisons?indicator=" + indicator + "&member="
                            + ids.get(member) + "&year=" + year);
                    assertComparison(got, indicator, year, member, values.get(indicator).get(year));
                }
            }
        }
    }

    @Test
    void ranksShareTheBestPlaceOnTies() {
        Map<String, Object> got = get("/api/comparisons?indicator=svc.sat&year=2019");
        List<Map<String, Object>> peers = list(got, "peers");
        Map<String, BigDecimal> year = values.get("svc.sat").get(2019);
        assertThat(year.values().stream().distinct().count()).as("the data has ties").isLessThan(year.size());
        for (Map<String, Object> peer : peers) {
            BigDecimal value = decimal(peer.get("value"));
            long better = year.values().stream().filter(v -> v.compareTo(value) > 0).count();
            assertThat(((Number) peer.get("rank")).intValue()).isEqualTo(better + 1);
        }
        assertThat(peers).extracting(p -> ((Number) p.get("rank")).intValue()).isSorted();
    }

    @Test
    void aPeerGroupLimitsTheComparisonAndKeepsTheMemberItself() {
        Response group = client.post("/api/peer-groups", Map.of("name", "Valstspilsētas", "kinds",
                List.of("STATE_CITY")), bearer(admin));
        assertThat(group.status()).as(group.toString()).isEqualTo(201);
        long groupId = ((Number) group.map().get("id")).longValue();
        assertThat(group.list("members")).hasSize(MEMBERS / 2);

        Map<String, BigDecimal> cities = new TreeMap<>();
        values.get("care.cost").get(2021).forEach((member, value) -> {
            if (Integer.parseInt(member.substring(1)) % 2 == 0 || member.equals("M01")) {
                cities.put(member, value);
            }
        });
        Map<String, Object> got = get("/api/comparisons?indicator=care.cost&year=2021&member=" + ids.get("M01")
                + "&group=" + groupId);
        assertComparison(got, "care.cost", 2021, "M01", cities);

        Response handPicked = client.post("/api/peer-groups", Map.of("name", "Kaimiņi",
                "members", List.of(ids.get("M02"), ids.get("M05"), ids.get("M09"))), bearer(admin));
        assertThat(handPicked.status()).as(handPicked.toString()).isEqualTo(201);
        long pickedId = ((Number) handPicked.map().get("id")).longValue();
        Map<String, BigDecimal> picked = new TreeMap<>();
        for (String member : List.of("M02", "M05", "M09")) {
            picked.put(member, values.get("edu.score").get(2023).get(member));
        }
        assertComparison(get("/api/comparisons?indicator=edu.score&year=2023&group=" + pickedId + "&member="
                + ids.get("M05")), "edu.score", 2023, "M05", picked);
    }

    @Test
    void theTrendHasTheChangeFromTheBaselineAndShowsMissingYears() {
        Map<String, Object> trend = get("/api/trends?indicator=svc.sat&member=" + ids.get("M03") + "&baseline=2020");
        List<Map<String, Object>> points = list(trend, "points");
        assertThat(points).extracting(p -> ((Number) p.get("year")).intValue())
                .containsExactly(2019, 2020, 2021, 2022, 2023, 2024);
        BigDecimal base = values.get("svc.sat").get(2020).get("M03");
        assertThat(decimal(trend.get("baselineValue"))).isEqualByComparingTo(base);
        for (Map<String, Object> point : points) {
            int year = ((Number) point.get("year")).intValue();
            Map<String, BigDecimal> all = values.get("svc.sat").get(year);
            BigDecimal mine = all.get("M03");
            if (mine == null) {
                assertThat(point.get("value")).as("2022 is missing").isNull();
                assertThat(year).isEqualTo(2022);
                assertThat(point.get("rank")).isNull();
            } else {
                assertThat(decimal(point.get("value"))).isEqualByComparingTo(mine);
                assertThat(decimal(point.get("change"))).isEqualByComparingTo(mine.subtract(base));
                long better = all.values().stream().filter(v -> v.compareTo(mine) > 0).count();
                assertThat(((Number) point.get("rank")).intValue()).isEqualTo(better + 1);
            }
            assertThat(((Number) point.get("median")).doubleValue())
                    .isCloseTo(percentileCont(all.values(), 0.5), within(1e-9));
            assertThat(((Number) point.get("of")).intValue()).isEqualTo(all.size());
        }
        Map<String, Object> fromFirst = get("/api/trends?indicator=care.cost&member=" + ids.get("M12"));
        assertThat(((Number) fromFirst.get("baseline")).intValue()).isEqualTo(2019);
        assertThat(list(fromFirst, "points")).last().satisfies(p -> assertThat(p.get("value")).isNull());
    }

    @Test
    void theBottomQuartileScanFindsExactlyTheIndicatorsComputedHere() {
        for (String member : ids.keySet()) {
            if (member.equals("M12")) {
                continue;
            }
            List<String> expected = new ArrayList<>();
            for (String indicator : INDICATORS) {
                String direction = DIRECTIONS.get(indicator);
                Map<String, BigDecimal> year = values.get(indicator).get(2024);
                BigDecimal mine = year.get(member);
                if (direction.equals("NEUTRAL") || mine == null) {
                    continue;
                }
                double q1 = percentileCont(year.values(), 0.25);
                double q3 = percentileCont(year.values(), 0.75);
                if (direction.equals("HIGHER_IS_BETTER") ? mine.doubleValue() < q1 : mine.doubleValue() > q3) {
                    expected.add(indicator);
                }
            }
            Response response = client.get("/api/comparisons/bottom-quartile?member=" + ids.get(member),
                    bearer(admin));
            assertThat(response.status()).isEqualTo(200);
            List<Map<String, Object>> spots = json(response.body());
            assertThat(spots).extracting(s -> (String) s.get("indicator"))
                    .as("weak spots of %s", member).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void theMostSimilarMembersAreTheClosestOnStandardisedValues() {
        List<String> chosen = List.of("care.cost", "svc.sat", "pop.density");
        Response response = client.get("/api/peer-groups/similar?member=" + ids.get("M04") + "&indicators="
                + String.join(",", chosen) + "&year=2023&count=4", bearer(admin));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<Map<String, Object>> similar = json(response.body());

        Map<String, Double> distances = new HashMap<>();
        for (String other : ids.keySet()) {
            if (other.equals("M04")) {
                continue;
            }
            double sum = 0;
            for (String indicator : chosen) {
                Map<String, BigDecimal> year = values.get(indicator).get(2023);
                double mean = year.values().stream().mapToDouble(BigDecimal::doubleValue).average().orElseThrow();
                double sd = Math.sqrt(year.values().stream().mapToDouble(v -> Math.pow(v.doubleValue() - mean, 2))
                        .average().orElseThrow());
                double diff = sd == 0 ? 0 : (year.get(other).doubleValue() - year.get("M04").doubleValue()) / sd;
                sum += diff * diff;
            }
            distances.put(other, Math.sqrt(sum));
        }
        List<String> expected = distances.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .limit(4).map(Map.Entry::getKey).toList();
        assertThat(similar).extracting(s -> (String) s.get("code")).containsExactlyElementsOf(expected);
        for (Map<String, Object> one : similar) {
            assertThat(((Number) one.get("distance")).doubleValue())
                    .isCloseTo(distances.get((String) one.get("code")), within(1e-9));
            List<Map<String, Object>> differences = list(one, "differences");
            assertThat(differences).hasSize(3).extracting(d -> Math.abs(((Number) d.get("standardDeviations"))
                    .doubleValue())).isSorted();
        }
    }

    @Test
    void womenAreComparedSeparatelyWhereTheIndicatorIsSplit() {
        Map<String, BigDecimal> women = new TreeMap<>();
        values.get("edu.score").get(2020).forEach((m, v) -> women.put(m, v.add(BigDecimal.ONE)));
        Map<String, Object> got = get("/api/comparisons?indicator=edu.score&year=2020&gender=F&member="
                + ids.get("M07"));
        assertComparison(got, "edu.score", 2020, "M07", women);
        Response refused = client.get("/api/comparisons?indicator=care.cost&gender=F", bearer(admin));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.map()).containsEntry("code", "indicator.gender.notSplit");
    }

    private void assertComparison(Map<String, Object> got, String indicator, int year, String member,
                                  Map<String, BigDecimal> peers) {
        String direction = DIRECTIONS.get(indicator);
        BigDecimal mine = peers.get(member);
        List<BigDecimal> sorted = peers.values().stream().sorted(Comparator.reverseOrder()).toList();
        double q1 = percentileCont(peers.values(), 0.25);
        double median = percentileCont(peers.values(), 0.5);
        double q3 = percentileCont(peers.values(), 0.75);
        String where = indicator + " " + year + " " + member;
        assertThat(((Number) got.get("of")).intValue()).as(where).isEqualTo(peers.size());
        assertThat(((Number) got.get("median")).doubleValue()).as(where).isCloseTo(median, within(1e-9));
        assertThat(((Number) got.get("q1")).doubleValue()).as(where).isCloseTo(q1, within(1e-9));
        assertThat(((Number) got.get("q3")).doubleValue()).as(where).isCloseTo(q3, within(1e-9));
        assertThat(((Number) got.get("mean")).doubleValue()).as(where).isCloseTo(
                peers.values().stream().mapToDouble(BigDecimal::doubleValue).average().orElseThrow(), within(1e-9));
        List<Map<String, Object>> list = list(got, "peers");
        assertThat(list).as(where).hasSize(peers.size());
        assertThat(list.stream().filter(p -> Boolean.TRUE.equals(p.get("self")))).as(where)
                .hasSize(mine == null ? 0 : 1);
        if (mine == null) {
            assertThat(got.get("value")).as(where).isNull();
            assertThat(got.get("rank")).as(where).isNull();
            return;
        }
        assertThat(decimal(got.get("value"))).as(where).isEqualByComparingTo(mine);
        long better = peers.values().stream().filter(v -> direction.equals("LOWER_IS_BETTER")
                ? v.compareTo(mine) < 0 : v.compareTo(mine) > 0).count();
        int rank = (int) better + 1;
        assertThat(((Number) got.get("rank")).intValue()).as(where).isEqualTo(rank);
        if (direction.equals("NEUTRAL")) {
            assertThat(got.get("quartile")).as(where).isNull();
            assertThat(got.get("colour")).as(where).isNull();
            assertThat(got.get("best")).as(where).isNull();
            assertThat(got.get("percentile")).as(where).isNull();
            return;
        }
        double v = mine.doubleValue();
        int quartile = direction.equals("HIGHER_IS_BETTER")
                ? (v >= q3 ? 1 : v >= median ? 2 : v >= q1 ? 3 : 4)
                : (v <= q1 ? 1 : v <= median ? 2 : v <= q3 ? 3 : 4);
        assertThat(((Number) got.get("quartile")).intValue()).as(where).isEqualTo(quartile);
        assertThat(got.get("colour")).as(where).isEqualTo(quartile == 1 ? "GREEN" : quartile == 4 ? "RED" : "YELLOW");
        int n = peers.size();
        assertThat(((Number) got.get("percentile")).doubleValue()).as(where)
                .isCloseTo(n == 1 ? 100.0 : 100.0 * (n - rank) / (n - 1), within(1e-9));
        BigDecimal best = direction.equals("HIGHER_IS_BETTER") ? sorted.getFirst() : sorted.getLast();
        BigDecimal worst = direction.equals("HIGHER_IS_BETTER") ? sorted.getLast() : sorted.getFirst();
        assertThat(decimal(got.get("best"))).as(where).isEqualByComparingTo(best);
        assertThat(decimal(got.get("worst"))).as(where).isEqualByComparingTo(worst);
    }

    /** PostgreSQL's percentile_cont: linear interpolation between the closest ranks. */
    static double percentileCont(java.util.Collection<BigDecimal> values, double fraction) {
        List<Double> sorted = values.stream().map(BigDecimal::doubleValue).sorted().toList();
        double position = fraction * (sorted.size() - 1);
        int lower = (int) Math.floor(position);
        int upper = (int) Math.ceil(position);
        return sorted.get(lower) + (position - lower) * (sorted.get(upper) - sorted.get(lower));
    }

    private Response importCsv(String csv, String format, boolean dryRun) {
        return client.send("/api/indicator-values/import?format=" + format + "&dryRun=" + dryRun, "POST", csv,
                "text/csv", bearer(admin));
    }

    private Map<String, Object> get(String path) {
        Response response = client.get(path, bearer(admin));
        assertThat(response.status()).as(path + " → " + response).isEqualTo(200);
        return response.map();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> map, String field) {
        return (List<Map<String, Object>>) map.get(field);
    }

    private List<Map<String, Object>> json(String body) {
        try {
            return json.readValue(body, io.micronaut.core.type.Argument.listOf(
                    io.micronaut.core.type.Argument.mapOf(String.class, Object.class)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigDecimal decimal(Object number) {
        return new BigDecimal(String.valueOf(number));
    }

    static int count(String tenant, String table) {
        return Database.count("SELECT count(*) FROM t_" + tenant + "." + table);
    }
}
