package eu.koopera;

import eu.koopera.support.IntegrationTest;
import eu.koopera.support.Outbox;
import eu.koopera.support.TestClient;
import eu.koopera.support.TestClient.Response;
import io.micronaut.http.HttpMethod;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role × endpoint matrix: every route the application registers, called over HTTP as each kind of caller, must
 * answer as {@code authorization-matrix.txt} (test resources) declares. The routes come from Micronaut's
 * {@link Router}, not from a hand-kept list, so a new endpoint without a line in that file fails the build with a
 * message naming it, and a line whose route has gone fails too.
 *
 * <p><b>Adding a rule for a new route.</b> Add one line to {@code authorization-matrix.txt}:
 * <pre>
 * METHOD /route/template/{id}   OPERATOR ADMIN COORDINATOR MEMBER ANONYMOUS   [request path] [JSON body]
 * </pre>
 * where each role column is one of
 * <ul>
 *   <li>{@code ok} — allowed: the answer is neither 401/403 nor 5xx (a 404 for a missing id or a 400/409 for a
 *       body the service refuses is fine: the call got past authorisation);</li>
 *   <li>{@code no} — denied: 401 or 403;</li>
 *   <li>{@code nf} — denied or hidden: 401, 403 or 404 (the design hides that the row exists);</li>
 *   <li>{@code open} — the route is public and answers on the strength of what the body proves (login, token
 *       links); only a 5xx fails.</li>
 * </ul>
 * A {@code HEAD} route that Micronaut adds beside a {@code GET} route follows the {@code GET} line and is called
 * too. The request path defaults to the template; it may use the fixture's placeholders {@code ${tenant}},
 * {@code ${member}} (the MEMBER user's own organisation), {@code ${otherMember}}, {@code ${person}} (a person of the
 * other organisation), {@code ${network}}, {@code ${event}} (real rows owned by the association),
 * {@code ${missing}} (a number no row has) and {@code ${uuid}} (a UUID no row has). The body is JSON, or
 * {@code csv:} followed by CSV text, or {@code multipart} for a small file upload. Operators call with no tenant;
 * every other caller, anonymous included, names the fixture's association in {@code X-Tenant}.
 *
 * <p>The field-level part of the rules (what a role sees inside an allowed answer) is tested by the feature tests
 * and documented in {@code docs/authorization.md}.
 */
@MicronautTest(transactional = false)
class AuthorizationMatrixTest extends IntegrationTest {

    static final String RULES = "authorization-matrix.txt";
    static final List<String> ROLES = List.of("OPERATOR", "ADMIN", "COORDINATOR", "MEMBER", "ANONYMOUS");
    private static final String PASSWORD = "matrix-password-123";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Router router;

    TestClient client;
    String tenant;
    final Map<String, String> tokens = new HashMap<>();
    final Map<String, String> values = new HashMap<>();

    @BeforeAll
    void setUp() {
        client = new TestClient(server.getURI(), json);
        tenant = client.createTenantWithAdmin("mx", PASSWORD);
        String admin = client.login(tenant, "admin", PASSWORD);
        Response coordinatorUser = client.post("/api/platform/tenants/" + tenant + "/users", Map.of("username",
                "coordinator", "password", PASSWORD, "email", "coordinator@" + tenant + ".example", "roles",
                List.of("NETWORK_COORDINATOR")), bearer(client.operatorToken()));
        assertThat(coordinatorUser.status()).as(coordinatorUser.body()).isEqualTo(201);
        String coordinator = client.login(tenant, "coordinator", PASSWORD);
        long own = created(client.post("/api/members", Map.of("name", "Ogres novads", "code", "LV-067",
                "notes", "Admin-only note"), bearer(admin)));
        long other = created(client.post("/api/members", Map.of("name", "Cēsu novads", "code", "LV-022"),
                bearer(admin)));
        long otherPerson = created(client.post("/api/people", Map.of("memberId", other, "firstName", "Jānis",
                "lastName", "Bērziņš", "email", "janis@" + tenant + ".example"), bearer(admin)));
        String officerEmail = "officer@" + tenant + ".example";
        long officer = created(client.post("/api/people", Map.of("memberId", own, "firstName", "Ilze",
                "lastName", "Kalniņa", "email", officerEmail), bearer(admin)));
        created(client.post("/api/people/" + officer + "/invitations", Map.of("roles", List.of("MEMBER")),
                bearer(admin)));
        String invitation = Outbox.invitationToken(Outbox.latestTo(officerEmail).orElseThrow().bodyText(), tenant);
        Response accepted = client.post("/api/public/invitations/" + tenant + "/" + invitation + "/accept",
                Map.of("username", "officer", "password", PASSWORD));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        String network = client.post("/api/networks", Map.of("name", Map.of("lv", "Tīkls", "en", "Network"),
                "status", "ACTIVE"), bearer(coordinator)).string("id");
        Map<String, Object> event = new HashMap<>(Map.of("kind", "STUDY_VISIT", "title", Map.of("lv", "Vizīte"),
                "country", "NO", "city", "Oslo", "startsAt", "2030-09-14T09:00:00", "endsAt", "2030-09-17T18:00:00",
                "timeZone", "Europe/Oslo", "capacity", 20, "status", "OPEN"));
        String eventId = client.post("/api/events", event, bearer(coordinator)).string("id");

        tokens.put("OPERATOR", client.operatorToken());
        tokens.put("ADMIN", admin);
        tokens.put("COORDINATOR", coordinator);
        tokens.put("MEMBER", client.login(tenant, "officer", PASSWORD));
        values.putAll(Map.of("tenant", tenant, "member", Long.toString(own), "otherMember", Long.toString(other),
                "person", Long.toString(otherPerson), "network", Objects.requireNonNull(network),
                "event", Objects.requireNonNull(eventId), "missing", "987654321",
                "uuid", UUID.randomUUID().toString()));
    }

    @Test
    void everyRegisteredRouteHasARule() {
        TreeSet<String> registered = registeredRoutes();
        Map<String, Rule> rules = withHeadRoutes(rules(), registered);
        List<String> missing = registered.stream().filter(route -> !rules.containsKey(route)).toList();
        List<String> stale = rules.keySet().stream().filter(route -> !registered.contains(route)).toList();
        assertThat(missing).as("Routes with no authorization rule; add a line for each to src/test/resources/"
                + RULES + " (see AuthorizationMatrixTest's javadoc)").isEmpty();
        assertThat(stale).as("Rules in " + RULES + " for routes that are no longer registered").isEmpty();
    }

    @Test
    void everyRoleGetsTheAnswerItsRuleDeclares() {
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        Map<String, Rule> rules = withHeadRoutes(rules(), registeredRoutes());
        for (Rule rule : rules.values()) {
            for (int role = ROLES.size() - 1; role >= 0; role--) {
                Response response = call(rule, ROLES.get(role));
                calls++;
                if (SESSION_ENDING.contains(rule.route()) && tokens.containsKey(ROLES.get(role))) {
                    tokens.put(ROLES.get(role), signIn(ROLES.get(role)));
                }
                Expectation expected = rule.expectations().get(role);
                if (!expected.admits(response.status())) {
                    wrong.add(String.format("%-45s %-11s expected %-4s got %d %s", rule.route(), ROLES.get(role),
                            expected.name().toLowerCase(java.util.Locale.ROOT), response.status(),
                            abbreviate(response.body())));
                }
            }
        }
        System.out.printf("Authorization matrix: %d routes x %d roles = %d calls%n", rules.size(), ROLES.size(),
                calls);
        assertThat(wrong).as("Answers that break the authorization rules").isEmpty();
    }

    /** Routes that end every session of the caller's account: the role signs in again after calling them. */
    private static final Set<String> SESSION_ENDING = Set.of("POST /api/auth/logout-all");

    private String signIn(String role) {
        return switch (role) {
            case "OPERATOR" -> client.operatorToken();
            case "ADMIN" -> client.login(tenant, "admin", PASSWORD);
            case "COORDINATOR" -> client.login(tenant, "coordinator", PASSWORD);
            default -> client.login(tenant, "officer", PASSWORD);
        };
    }

    private TreeSet<String> registeredRoutes() {
        TreeSet<String> routes = new TreeSet<>();
        router.uriRoutes().map(UriRouteInfo.class::cast).forEach(route -> routes.add(route.getHttpMethod() + " "
                + route.getUriMatchTemplate().toPathString()));
        return routes;
    }

    private Response call(Rule rule, String role) {
        String path = substitute(rule.requestPath());
        List<String> headers = new ArrayList<>();
        if (!role.equals("OPERATOR")) {
            headers.addAll(List.of("X-Tenant", tenant));
        }
        if (tokens.containsKey(role)) {
            headers.addAll(List.of("Authorization", "Bearer " + tokens.get(role)));
        }
        String[] headerArray = headers.toArray(String[]::new);
        String body = rule.body() == null ? null : substitute(rule.body());
        if (body == null) {
            return rule.method() == HttpMethod.GET ? client.get(path, headerArray)
                    : client.send(path, rule.method().name(), "", "application/json", headerArray);
        }
        if (body.startsWith("csv:")) {
            return client.send(path, rule.method().name(), body.substring(4).replace("\\n", "\r\n"), "text/csv",
                    headerArray);
        }
        if (body.equals("multipart")) {
            String boundary = "matrix" + UUID.randomUUID().toString().replace("-", "");
            String form = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
                    + "Content-Type: text/plain\r\n\r\nhello\r\n--" + boundary + "--\r\n";
            return client.send(path, rule.method().name(), form, "multipart/form-data; boundary=" + boundary,
                    headerArray);
        }
        return client.send(path, rule.method().name(), body, "application/json", headerArray);
    }

    private String substitute(String text) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("Unknown placeholder " + matcher.group() + " in " + RULES);
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(result).toString();
    }

    /** The rules with, for each registered HEAD route that has no line of its own, its GET route's line. */
    static Map<String, Rule> withHeadRoutes(Map<String, Rule> rules, TreeSet<String> registered) {
        Map<String, Rule> all = new LinkedHashMap<>(rules);
        for (String route : registered) {
            Rule get = rules.get(route.replaceFirst("^HEAD ", "GET "));
            if (route.startsWith("HEAD ") && !rules.containsKey(route) && get != null) {
                all.put(route, new Rule(HttpMethod.HEAD, get.template(), get.expectations(), get.requestPath(),
                        null));
            }
        }
        return all;
    }

    static Map<String, Rule> rules() {
        Map<String, Rule> rules = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                AuthorizationMatrixTest.class.getResourceAsStream("/" + RULES), RULES), StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                Rule rule = Rule.parse(line, number);
                if (rules.put(rule.route(), rule) != null) {
                    throw new IllegalStateException(RULES + ":" + number + ": a second rule for " + rule.route());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rules;
    }

    private static int created(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return Integer.parseInt(response.string("id"));
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 120 ? flat.substring(0, 120) + "…" : flat;
    }

    /** What a role may expect from a route. */
    enum Expectation {
        OK, NO, NF, OPEN;

        boolean admits(int status) {
            if (status >= 500) {
                return false;
            }
            boolean denied = status == 401 || status == 403;
            return switch (this) {
                case OK -> !denied;
                case NO -> denied;
                case NF -> denied || status == 404;
                case OPEN -> true;
            };
        }
    }

    /** One line of the rules file. */
    record Rule(HttpMethod method, String template, List<Expectation> expectations, String requestPath,
                String body) {

        String route() {
            return method + " " + template;
        }

        static Rule parse(String line, int number) {
            String[] parts = line.trim().split("\\s+", 9);
            if (parts.length < 2 + ROLES.size()) {
                throw new IllegalStateException(RULES + ":" + number + ": expected METHOD TEMPLATE and "
                        + ROLES.size() + " expectations (" + String.join(" ", ROLES) + "): " + line);
            }
            List<Expectation> expectations = new ArrayList<>();
            for (int i = 0; i < ROLES.size(); i++) {
                expectations.add(Expectation.valueOf(parts[2 + i].toUpperCase(java.util.Locale.ROOT)));
            }
            String requestPath = parts.length > 7 ? parts[7] : parts[1];
            String body = parts.length > 8 ? parts[8].trim() : null;
            return new Rule(HttpMethod.valueOf(parts[0]), parts[1], expectations, requestPath, body);
        }
    }
}
