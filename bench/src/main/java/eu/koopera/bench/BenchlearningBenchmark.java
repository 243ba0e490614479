package eu.koopera.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Benchlearning at the scale: {@code -Dmunicipalities} (100) municipalities × {@code -Dindicators} (300)
 * indicators × 15 years × (total, women, men) ≈ 1.35 million values in one association, with a second association
 * holding as many. Measures the import of the whole set (one wide file through the API), then p50/p95 of 300
 * sequential requests after 50 warm-up ones: a comparison (rank, percentile, quartiles) and a trend for a random
 * municipality and indicator, and the bottom-quartile scan over all indicators. The same SQL run directly over
 * JDBC on one connection, in the same run, is the floor each API figure is compared with.
 *
 * <p>Run: {@code ./mvnw -B -q install -DskipTests && ./mvnw -B -q -pl bench exec:exec
 * -Dbench.main=eu.koopera.bench.BenchlearningBenchmark}
 */
public final class BenchlearningBenchmark {

    private static final String PASSWORD = "benchmark-password";
    private static final int FIRST_YEAR = 2011;
    private static final int YEARS = 15;

    /** The comparison as the service runs it: ranked peers with the group's statistics. */
    private static final String COMPARISON_SQL = """
            WITH peers AS (
              SELECT v.member_id, m.code, m.name, v.value, rank() OVER (ORDER BY v.value DESC) rnk, count(*) OVER () n
                FROM indicator_value v JOIN member m ON m.id = v.member_id
               WHERE v.indicator_code = ? AND v.year = ? AND v.gender = 'T')
            SELECT p.*, s.* FROM peers p CROSS JOIN (
              SELECT avg(value)::float8 mean, percentile_cont(0.5) WITHIN GROUP (ORDER BY value) median,
                     percentile_cont(0.25) WITHIN GROUP (ORDER BY value) q1,
                     percentile_cont(0.75) WITHIN GROUP (ORDER BY value) q3, max(value) high, min(value) low
                FROM peers) s
            ORDER BY p.rnk, p.name COLLATE "lv-x-icu", p.member_id""";

    private static final String TREND_SQL = """
            WITH ranked AS (
              SELECT v.year, v.member_id, v.value, rank() OVER (PARTITION BY v.year ORDER BY v.value DESC) rnk,
                     count(*) OVER (PARTITION BY v.year) n
                FROM indicator_value v JOIN member m ON m.id = v.member_id
               WHERE v.indicator_code = ? AND v.gender = 'T')
            SELECT s.year, mine.value, mine.rnk, s.n, s.median, s.mean FROM (
              SELECT year, count(*) n, avg(value)::float8 mean,
                     percentile_cont(0.5) WITHIN GROUP (ORDER BY value) median FROM ranked GROUP BY year) s
            LEFT JOIN (SELECT year, value, rnk FROM ranked WHERE member_id = ?) mine ON mine.year = s.year
            ORDER BY s.year""";

    private static final String BOTTOM_QUARTILE_SQL = """
            WITH peers AS (
              SELECT v.indicator_code, v.member_id, v.value,
                     rank() OVER (PARTITION BY v.indicator_code ORDER BY CASE WHEN i.direction = 'LOWER_IS_BETTER'
                                  THEN v.value ELSE -v.value END) rnk,
                     count(*) OVER (PARTITION BY v.indicator_code) n
                FROM indicator_value v JOIN indicator i ON i.code = v.indicator_code
                JOIN member m ON m.id = v.member_id
               WHERE v.year = ? AND v.gender = 'T' AND i.direction <> 'NEUTRAL')
            SELECT i.code, i.name, p.value, p.rnk, p.n, s.q1, s.median, s.q3
              FROM peers p
              JOIN (SELECT indicator_code, percentile_cont(0.25) WITHIN GROUP (ORDER BY value) q1,
                           percentile_cont(0.5) WITHIN GROUP (ORDER BY value) median,
                           percentile_cont(0.75) WITHIN GROUP (ORDER BY value) q3
                      FROM peers GROUP BY indicator_code) s ON s.indicator_code = p.indicator_code
              JOIN indicator i ON i.code = p.indicator_code
             WHERE p.member_id = ? AND ((i.direction = 'HIGHER_IS_BETTER' AND p.value::float8 < s.q1)
                                     OR (i.direction = 'LOWER_IS_BETTER' AND p.value::float8 > s.q3))
             ORDER BY i.service_area NULLS LAST, i.code""";

    private BenchlearningBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int members = Integer.getInteger("municipalities", 100);
        int indicators = Integer.getInteger("indicators", 300);
        List<String> rows = new ArrayList<>();
        try (BenchDatabase database = new BenchDatabase(Path.of("target/bench-benchlearning-postgres"));
             ApplicationContext context = database.startContext(Map.of("micronaut.server.port", -1,
                     "koopera.import.max-rows", 1_000_000, "micronaut.server.max-request-size", 256L << 20,
                     "micronaut.server.read-timeout", 600, "koopera.open-data.requests-per-minute", 100_000))) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            Api api = new Api(HttpClient.newHttpClient(), server.getURI(), context.getBean(JsonMapper.class));
            String operator = api.login(null, "admin");
            List<Long> memberIds = new ArrayList<>();
            double importSeconds = 0;
            int values = 0;
            for (String code : List.of("other", "bench")) {
                String token = association(api, operator, code);
                memberIds.clear();
                for (int m = 0; m < members; m++) {
                    memberIds.add(Long.valueOf(api.id(api.send("POST", "/api/members", token,
                            "{\"name\":\"Pašvaldība " + m + "\",\"code\":\"M" + m + "\",\"kind\":\""
                                    + (m % 3 == 0 ? "STATE_CITY" : "MUNICIPALITY") + "\",\"population\":"
                                    + (2_000 + 997 * m) + "}"))));
                }
                for (int i = 0; i < indicators; i++) {
                    String direction = i % 10 == 0 ? "NEUTRAL" : i % 2 == 0 ? "LOWER_IS_BETTER" : "HIGHER_IS_BETTER";
                    api.send("POST", "/api/indicators", token, "{\"code\":\"k" + i + "\",\"name\":{\"lv\":\"Rādītājs "
                            + i + "\"},\"direction\":\"" + direction + "\",\"genderSplit\":true,\"serviceArea\":\"a"
                            + (i % 4) + "\"}");
                }
                byte[] file = wideFile(members, indicators, code.hashCode());
                long started = System.nanoTime();
                HttpResponse<String> imported = api.post("/api/indicator-values/import?format=wide", token, file);
                importSeconds = (System.nanoTime() - started) / 1e9;
                values = ((Number) api.json().readValue(imported.body(), Map.class).get("created")).intValue();
                System.err.printf(Locale.ROOT, "%s: %d values imported in %.1f s (%.1f MB file)%n", code, values,
                        importSeconds, file.length / 1e6);
            }
            String token = api.login("bench", "admin");
            Random random = new Random(7);
            int lastYear = FIRST_YEAR + YEARS - 1;
            rows.add(String.format(Locale.ROOT, "| Import of %,d values (wide CSV, one request, 2nd association) "
                    + "| %.1f s | | |", values, importSeconds));

            List<Double> both = new ArrayList<>();
            List<Double> comparisons = new ArrayList<>();
            List<Double> trends = new ArrayList<>();
            for (int i = 0; i < 350; i++) {
                long member = memberIds.get(random.nextInt(members));
                String indicator = "k" + (1 + 2 * random.nextInt(indicators / 2 - 1));
                long started = System.nanoTime();
                api.get("/api/comparisons?indicator=" + indicator + "&member=" + member + "&year=" + lastYear, token);
                long middle = System.nanoTime();
                api.get("/api/trends?indicator=" + indicator + "&member=" + member, token);
                long ended = System.nanoTime();
                if (i >= 50) {
                    comparisons.add((middle - started) / 1e6);
                    trends.add((ended - middle) / 1e6);
                    both.add((ended - started) / 1e6);
                }
            }
            List<Double> bottom = new ArrayList<>();
            for (int i = 0; i < 350; i++) {
                long member = memberIds.get(random.nextInt(members));
                long started = System.nanoTime();
                api.get("/api/comparisons/bottom-quartile?member=" + member + "&year=" + lastYear, token);
                if (i >= 50) {
                    bottom.add((System.nanoTime() - started) / 1e6);
                }
            }

            List<Double> sqlComparison = new ArrayList<>();
            List<Double> sqlTrend = new ArrayList<>();
            List<Double> sqlBoth = new ArrayList<>();
            List<Double> sqlBottom = new ArrayList<>();
            try (Connection connection = DriverManager.getConnection(database.server().jdbcUrl(),
                    database.server().username(), database.server().password());
                 Statement setup = connection.createStatement();
                 PreparedStatement comparison = connection.prepareStatement(COMPARISON_SQL);
                 PreparedStatement trend = connection.prepareStatement(TREND_SQL);
                 PreparedStatement scan = connection.prepareStatement(BOTTOM_QUARTILE_SQL)) {
                setup.execute("SET search_path TO t_bench, platform");
                for (int i = 0; i < 350; i++) {
                    long member = memberIds.get(random.nextInt(members));
                    String indicator = "k" + (1 + 2 * random.nextInt(indicators / 2 - 1));
                    comparison.setString(1, indicator);
                    comparison.setShort(2, (short) lastYear);
                    trend.setString(1, indicator);
                    trend.setLong(2, member);
                    long started = System.nanoTime();
                    drain(comparison);
                    long middle = System.nanoTime();
                    drain(trend);
                    long ended = System.nanoTime();
                    scan.setShort(1, (short) lastYear);
                    scan.setLong(2, member);
                    long scanStarted = System.nanoTime();
                    drain(scan);
                    long scanEnded = System.nanoTime();
                    if (i >= 50) {
                        sqlComparison.add((middle - started) / 1e6);
                        sqlTrend.add((ended - middle) / 1e6);
                        sqlBoth.add((ended - started) / 1e6);
                        sqlBottom.add((scanEnded - scanStarted) / 1e6);
                    }
                }
            }
            rows.add(row("Comparison (rank, percentile, quartiles, 100 peers)", comparisons, sqlComparison));
            rows.add(row("Trend over 15 years with yearly rank and median", trends, sqlTrend));
            rows.add(row("Comparison + trend for one municipality and indicator", both, sqlBoth));
            rows.add(row("Bottom-quartile scan over all " + indicators + " indicators", bottom, sqlBottom));
        }
        System.out.println("| What | API p50 / p95 | Same SQL over JDBC p50 / p95 | API p95 / SQL p95 |");
        System.out.println("|---|---:|---:|---:|");
        rows.forEach(System.out::println);
        System.exit(0);
    }

    private static void drain(PreparedStatement statement) throws Exception {
        try (ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                result.getObject(1);
            }
        }
    }

    private static String row(String what, List<Double> api, List<Double> sql) {
        Collections.sort(api);
        Collections.sort(sql);
        double apiP95 = api.get((int) (api.size() * 0.95));
        double sqlP95 = sql.get((int) (sql.size() * 0.95));
        return String.format(Locale.ROOT, "| %s | %.1f / %.1f ms | %.1f / %.1f ms | %.2f |", what,
                api.get(api.size() / 2), apiP95, sql.get(sql.size() / 2), sqlP95, apiP95 / sqlP95);
    }

    /** Indicators k0…, members M0…, genders T, F, M, a column per year; seeded, so runs compare. */
    private static byte[] wideFile(int members, int indicators, int seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder(members * indicators * 3 * 100);
        csv.append("indicator;municipality;gender");
        for (int year = 0; year < YEARS; year++) {
            csv.append(';').append(FIRST_YEAR + year);
        }
        csv.append('\n');
        for (int i = 0; i < indicators; i++) {
            for (int m = 0; m < members; m++) {
                for (String gender : List.of("T", "F", "M")) {
                    csv.append('k').append(i).append(";M").append(m).append(';').append(gender);
                    double level = 50 + 40 * random.nextDouble();
                    for (int year = 0; year < YEARS; year++) {
                        csv.append(';').append(Math.round((level + year + 5 * random.nextGaussian()) * 10) / 10.0);
                    }
                    csv.append('\n');
                }
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String association(Api api, String operator, String code) throws Exception {
        api.send("POST", "/api/platform/tenants", operator, "{\"code\":\"" + code + "\",\"name\":\"" + code
                + "\",\"country\":\"LV\",\"defaultLocale\":\"lv\"}");
        api.send("POST", "/api/platform/tenants/" + code + "/users", operator, "{\"username\":\"admin\","
                + "\"password\":\"" + PASSWORD + "\",\"roles\":[\"ASSOCIATION_ADMIN\"]}");
        return api.login(code, "admin");
    }

    private record Api(HttpClient http, URI base, JsonMapper json) {

        String login(String tenant, String username) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\""
                            + PASSWORD + "\"}"));
            if (tenant != null) {
                request.header("X-Tenant", tenant);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return json.readValue(response.body(), Map.class).get("access_token").toString();
        }

        HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " "
                        + response.body());
            }
            return response;
        }

        HttpResponse<String> post(String path, String token, byte[] csv) throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                    .timeout(java.time.Duration.ofMinutes(10))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(csv)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("POST " + path + ": " + response.statusCode() + " "
                        + response.body().substring(0, Math.min(2000, response.body().length())));
            }
            return response;
        }

        void get(String path, String token) throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + ": " + response.statusCode() + " " + response.body());
            }
        }

        String id(HttpResponse<String> response) throws Exception {
            return json.readValue(response.body(), Map.class).get("id").toString();
        }
    }
}
