package eu.koopera.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Measures the member register through the HTTP API: importing N rows (default 10,000) from CSV in one request,
 * and the latency of accent-insensitive substring searches over them (p50/p95 of 500 requests after 100
 * warm-up requests). Prints a Markdown table.
 *
 * <p>Run: {@code ./mvnw -B -q install -DskipTests && ./mvnw -B -q -pl bench exec:exec
 * -Dbench.main=eu.koopera.bench.MembersBenchmark [-Drows=10000]}
 */
public final class MembersBenchmark {

    private static final String[] PLACES = {"Rīga", "Daugavpils", "Jelgava", "Jūrmala", "Liepāja", "Rēzekne",
            "Ventspils", "Ādaži", "Aizkraukle", "Alūksne", "Kėdainiai", "Šiauliai", "Panevėžys", "Klaipėda",
            "Marijampolė", "Utena", "Tauragė", "Telšiai", "Alytus", "Vilnius", "Kaunas", "Ogre", "Cēsis", "Tukums"};
    private static final String[] KINDS = {"pagasts", "pilsēta", "seniūnija", "novads", "apylinkė"};
    private static final String[] QUERIES = {"riga", "kedain", "siaul", "pagast", "seniun", "liepaj", "ogre 12",
            "vilnius 7", "marijampole", "adazi", "cesis 99", "xyz"};

    private MembersBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("rows", 10_000);
        HttpClient http = HttpClient.newHttpClient();
        List<String> results = new ArrayList<>();
        try (BenchDatabase database = new BenchDatabase(Path.of("target/bench-postgres"));
             ApplicationContext context = database.startContext(Map.of("micronaut.server.port", -1))) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            JsonMapper json = context.getBean(JsonMapper.class);
            Api api = new Api(http, server.getURI(), json);
            String operator = api.login(null, "admin", "benchmark-password");
            api.send("POST", "/api/platform/tenants", operator, null, "application/json",
                    "{\"code\":\"bench\",\"name\":\"Benchmark\",\"country\":\"LV\",\"defaultLocale\":\"lv\"}");
            api.send("POST", "/api/platform/tenants/bench/users", operator, null, "application/json",
                    "{\"username\":\"admin\",\"password\":\"benchmark-password\",\"roles\":[\"ASSOCIATION_ADMIN\"]}");
            String admin = api.login("bench", "admin", "benchmark-password");

            String csv = csv(rows);
            long started = System.nanoTime();
            HttpResponse<String> imported = api.send("POST", "/api/members/import", admin, null, "text/csv", csv);
            double importMillis = (System.nanoTime() - started) / 1e6;
            if (imported.statusCode() != 200) {
                throw new IllegalStateException("Import failed: " + imported.body());
            }
            results.add(String.format("| Import %,d members from CSV (%d KB), one request | %.0f ms |", rows,
                    csv.length() / 1024, importMillis));
            started = System.nanoTime();
            api.send("POST", "/api/members/import", admin, null, "text/csv", csv);
            results.add(String.format("| Re-import the same %,d rows (all updates) | %.0f ms |", rows,
                    (System.nanoTime() - started) / 1e6));

            Random random = new Random(42);
            for (int i = 0; i < 100; i++) {
                search(api, admin, QUERIES[random.nextInt(QUERIES.length)]);
            }
            List<Double> latencies = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                latencies.add(search(api, admin, QUERIES[random.nextInt(QUERIES.length)]));
            }
            Collections.sort(latencies);
            results.add(String.format("| Search over %,d members, p50 (500 requests) | %.1f ms |", rows,
                    latencies.get(latencies.size() / 2)));
            results.add(String.format("| Search over %,d members, p95 | %.1f ms |", rows,
                    latencies.get((int) (latencies.size() * 0.95))));
            results.add(String.format("| Search over %,d members, max | %.1f ms |", rows, latencies.getLast()));
        }
        System.out.println("| Measurement | Result |");
        System.out.println("|---|---:|");
        results.forEach(System.out::println);
        System.exit(0);
    }

    private static double search(Api api, String token, String query) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = api.send("GET", "/api/members?size=20&q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8), token, null, null, null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Search failed: " + response.body());
        }
        return (System.nanoTime() - started) / 1e6;
    }

    private static String csv(int rows) {
        StringBuilder csv = new StringBuilder("code;name;kind;region;population;website\n");
        for (int i = 0; i < rows; i++) {
            String place = PLACES[i % PLACES.length];
            csv.append("B").append(i).append(';').append(place).append(' ').append(i).append(' ')
                    .append(KINDS[i % KINDS.length]).append(';').append(i % 2 == 0 ? "MUNICIPALITY" : "OTHER")
                    .append(';').append("Region ").append(i % 5).append(';').append(1000 + i).append(';')
                    .append("https://example.org/").append(i).append('\n');
        }
        return csv.toString();
    }

    private record Api(HttpClient http, URI base, JsonMapper json) {

        String login(String tenant, String username, String password) throws Exception {
            HttpResponse<String> response = send("POST", "/api/auth/login", null, tenant, "application/json",
                    "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
            return json.readValue(response.body(), Map.class).get("access_token").toString();
        }

        HttpResponse<String> send(String method, String path, String token, String tenant, String contentType,
                                  String body) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (tenant != null) {
                request.header("X-Tenant", tenant);
            }
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
