package eu.koopera.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The network page's API as a participant of another association sees it, with {@code -Dnetworks} (default 50)
 * networks owned by one association and {@code -Dfeed} (default 500) feed entries on the shared one: p50/p95 of
 * 300 sequential requests per endpoint after 50 warm-up requests. Prints a Markdown table.
 *
 * <p>Run: {@code ./mvnw -B -q install -DskipTests && ./mvnw -B -q -pl bench exec:exec
 * -Dbench.main=eu.koopera.bench.NetworksBenchmark}
 */
public final class NetworksBenchmark {

    private static final String PASSWORD = "benchmark-password";

    private NetworksBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int networks = Integer.getInteger("networks", 50);
        int feedEntries = Integer.getInteger("feed", 500);
        List<String> rows = new ArrayList<>();
        try (BenchDatabase database = new BenchDatabase(Path.of("target/bench-networks-postgres"));
             ApplicationContext context = database.startContext(Map.of("micronaut.server.port", -1))) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            Api api = new Api(HttpClient.newHttpClient(), server.getURI(), context.getBean(JsonMapper.class));
            String operator = api.login(null, "admin");
            String owner = association(api, operator, "owner", "lv");
            String guest = association(api, operator, "guest", "lt");
            String guestMember = api.id(api.send("POST", "/api/members", guest,
                    "{\"name\":\"Kauno miestas\",\"code\":\"LT-15\"}"));

            String shared = null;
            for (int i = 0; i < networks; i++) {
                String id = api.id(api.send("POST", "/api/networks", owner, "{\"name\":{\"lv\":\"Tīkls " + i
                        + "\",\"en\":\"Network " + i + "\"},\"theme\":\"theme " + (i % 5)
                        + "\",\"status\":\"ACTIVE\",\"startsOn\":\"2022-04-07\",\"endsOn\":\"2024-04-30\"}"));
                shared = shared == null ? id : shared;
            }
            String invitation = api.id(api.send("POST", "/api/networks/" + shared + "/invitations", owner,
                    "{\"tenant\":\"guest\"}"));
            api.send("POST", "/api/network-invitations/" + invitation + "/accept", guest,
                    "{\"memberIds\":[" + guestMember + "]}");
            for (int version = 0; version < feedEntries; version++) {
                api.send("PUT", "/api/networks/" + shared, owner, "{\"name\":{\"lv\":\"Tīkls 0\",\"en\":\"Network 0\"},"
                        + "\"description\":{\"lv\":\"Versija " + version + "\"},\"status\":\"ACTIVE\",\"version\":"
                        + version + "}");
            }

            rows.add(measure(api, owner, "Own networks, first page of 20 (owner, " + networks + " networks)",
                    "/api/networks?size=20"));
            rows.add(measure(api, guest, "Network overview (participant of another association)",
                    "/api/networks/" + shared));
            rows.add(measure(api, guest, "Participants", "/api/networks/" + shared + "/participants"));
            rows.add(measure(api, guest, "Coordinators", "/api/networks/" + shared + "/coordinators"));
            rows.add(measure(api, guest, "Feed, newest 50 of " + feedEntries + "+",
                    "/api/networks/" + shared + "/feed?size=50"));
            rows.add(measure(api, guest, "Pilot applications", "/api/networks/" + shared + "/applications"));
            rows.add(measure(api, guest, "Pilot activities", "/api/networks/" + shared + "/activities"));
            rows.add(measure(api, guest, "Documents", "/api/networks/" + shared + "/documents"));
        }
        System.out.println("| Endpoint | p50 | p95 |");
        System.out.println("|---|---:|---:|");
        rows.forEach(System.out::println);
        System.exit(0);
    }

    private static String association(Api api, String operator, String code, String locale) throws Exception {
        api.send("POST", "/api/platform/tenants", operator, "{\"code\":\"" + code + "\",\"name\":\"" + code
                + "\",\"country\":\"" + locale.toUpperCase(Locale.ROOT) + "\",\"defaultLocale\":\"" + locale + "\"}");
        api.send("POST", "/api/platform/tenants/" + code + "/users", operator, "{\"username\":\"admin\","
                + "\"password\":\"" + PASSWORD + "\",\"roles\":[\"ASSOCIATION_ADMIN\"]}");
        return api.login(code, "admin");
    }

    private static String measure(Api api, String token, String what, String path) throws Exception {
        for (int i = 0; i < 50; i++) {
            api.get(path, token);
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            long started = System.nanoTime();
            api.get(path, token);
            millis.add((System.nanoTime() - started) / 1e6);
        }
        Collections.sort(millis);
        return String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms |", what, millis.get(millis.size() / 2),
                millis.get((int) (millis.size() * 0.95)));
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
