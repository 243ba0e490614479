package eu.koopera.accounts;

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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed logins cost waiting time per client address and account, are counted exactly under parallel load, and
 * never let an attacker lock the owner of an account out. Client addresses come from {@code X-Forwarded-For},
 * as behind an ingress.
 */
@MicronautTest(transactional = false)
class LoginAbuseTest extends IntegrationTest {

    private static final String PASSWORD = "admin-password-123";
    private static final String USER_PASSWORD = "member-password-123";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    TestClient client;
    String tenant;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("koopera.proxy.forwarded-for", "true",
                // parallel logins here must all be checked, not refused for lack of a hashing slot
                "koopera.password-hashing.max-wait", "60s",
                // long enough that a sequential flood is still waiting when its next attempt arrives
                "koopera.auth.throttle.first-delay", "10s",
                "koopera.auth.throttle.address-failures", "8");
    }

    @BeforeAll
    void setUp() {
        client = new TestClient(server.getURI(), json);
        tenant = client.createTenantWithAdmin("abuse", PASSWORD);
    }

    @Test
    void tenParallelWrongPasswordsAreAllCountedAndTheAccountStaysThrottled() throws Exception {
        createMember("parallel");

        List<Response> answers = inParallel(10, i -> login("parallel", "wrong-" + i, "203.0.113." + (i + 1)));

        assertThat(answers).extracting(Response::status).containsOnly(401);
        assertThat(Database.count("SELECT failed_logins FROM t_" + tenant + ".app_user WHERE username = 'parallel'"))
                .isEqualTo(10);
        assertThat(Database.count("SELECT count(*) FROM t_" + tenant + ".app_user WHERE username = 'parallel'"
                + " AND locked_until > now() + interval '60 seconds'")).as("the wait of the 10th failure").isOne();
    }

    @Test
    void tenParallelWrongPasswordsOfAnOperatorAreAllCounted() throws Exception {
        client.operatorToken(); // a successful login starts the count from zero

        List<Response> answers = inParallel(10, i -> post(null, "admin", "wrong-" + i, "203.0.113." + (i + 101)));

        assertThat(answers).extracting(Response::status).containsOnly(401);
        assertThat(Database.count("SELECT failed_logins FROM platform.platform_user WHERE username = 'admin'"))
                .isEqualTo(10);
        client.operatorToken(); // from a clean address the operator still gets in, and the count is reset
        assertThat(Database.count("SELECT failed_logins FROM platform.platform_user WHERE username = 'admin'"))
                .isZero();
    }

    @Test
    void aFloodOfWrongPasswordsFromOneAddressDoesNotKeepTheRightPasswordOutFromAnother() {
        createMember("target");
        List<Response> flood = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            flood.add(login("target", "guess-" + i, "198.51.100.66"));
        }

        assertThat(flood.subList(0, 5)).extracting(Response::status).containsOnly(401);
        assertThat(flood.subList(5, 12)).extracting(Response::status).containsOnly(429);
        assertThrottled(flood.get(11));
        assertThat(login("target", USER_PASSWORD, "198.51.100.66").status()).as("the flooding address").isEqualTo(429);
        assertThat(login("target", USER_PASSWORD, "192.0.2.10").status()).as("another address").isEqualTo(200);
    }

    @Test
    void nobodyCanLockThePlatformOperatorOut() {
        for (int i = 0; i < 12; i++) {
            post(null, "admin", "guess-" + i, "198.51.100.77");
        }

        assertThrottled(post(null, "admin", OPERATOR_PASSWORD, "198.51.100.77"));
        assertThat(post(null, "admin", OPERATOR_PASSWORD, "192.0.2.77").status()).isEqualTo(200);
    }

    @Test
    void anAddressThatFailedOnAThrottledAccountWaitsWhileACleanOneGetsIn() {
        createMember("shared");
        for (int i = 0; i < 5; i++) {
            assertThat(login("shared", "guess-" + i, "198.51.100." + (10 + i)).status()).isEqualTo(401);
        }

        assertThrottled(login("shared", USER_PASSWORD, "198.51.100.10"));
        assertThat(login("shared", USER_PASSWORD, "192.0.2.20").status()).isEqualTo(200);
    }

    @Test
    void sprayingManyNamesFromOneAddressMakesTheWholeAddressWait() {
        for (int i = 0; i < 8; i++) {
            assertThat(login("nobody" + i, "guess", "198.51.100.99").status()).isEqualTo(401);
        }

        assertThrottled(login("admin", PASSWORD, "198.51.100.99"));
        assertThat(login("admin", PASSWORD, "192.0.2.99").status()).isEqualTo(200);
    }

    @Test
    void unknownNamesAreThrottledExactlyLikeAccounts() {
        List<Integer> account = new ArrayList<>();
        List<Integer> unknown = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            account.add(login("admin", "guess-" + i, "198.51.100.120").status());
            unknown.add(login("ghost", "guess-" + i, "198.51.100.121").status());
        }
        for (int i = 0; i < 5; i++) {
            login("admin", "guess-" + i, "198.51.100." + (130 + i));
            login("ghost", "guess-" + i, "198.51.100." + (140 + i));
        }
        account.add(login("admin", "guess", "198.51.100.130").status());
        unknown.add(login("ghost", "guess", "198.51.100.140").status());

        assertThat(unknown).isEqualTo(account).containsSequence(401, 401, 401, 401, 401, 429, 429).endsWith(429);
    }

    private void assertThrottled(Response response) {
        assertThat(response.status()).isEqualTo(429);
        assertThat(Long.parseLong(response.header("Retry-After"))).isPositive();
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.string("type")).endsWith("/too-many-attempts");
        assertThat(response.string("detail")).contains("try again");
    }

    private void createMember(String username) {
        Response created = client.post("/api/platform/tenants/" + tenant + "/users", Map.of("username", username,
                "password", USER_PASSWORD, "roles", List.of("MEMBER")), bearer(client.operatorToken()));
        assertThat(created.status()).isEqualTo(201);
    }

    private Response login(String username, String password, String address) {
        return post(tenant, username, password, address);
    }

    private Response post(String tenantCode, String username, String password, String address) {
        Map<String, String> body = Map.of("username", username, "password", password);
        return tenantCode == null
                ? client.post("/api/auth/login", body, "X-Forwarded-For", "10.0.0.1, " + address)
                : client.post("/api/auth/login", body, "X-Tenant", tenantCode, "X-Forwarded-For", address);
    }

    static List<Response> inParallel(int count, IntFunction<Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                answers.add(pool.submit(() -> request.apply(index)));
            }
            List<Response> responses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                responses.add(answer.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
