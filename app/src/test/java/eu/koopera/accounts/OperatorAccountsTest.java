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

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/** Operators manage operator accounts; the last enabled one stays (issue 14, item 1). */
@MicronautTest(transactional = false)
class OperatorAccountsTest extends IntegrationTest {

    private static final String FIRST = "first-operator-password";
    private static final String CHOSEN = "chosen-operator-password";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    TestClient client;

    @BeforeAll
    void setUp() {
        client = new TestClient(server.getURI(), json);
    }

    @Test
    void anOperatorCreatesAnotherWhoChoosesTheirOwnPasswordAtFirstSignIn() {
        String name = "op" + UUID.randomUUID().toString().substring(0, 8);
        Response created = client.post("/api/platform/operators", Map.of("username", name, "password", FIRST,
                "email", name + "@koopera.example"), bearer(client.operatorToken()));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.map().get("mustChangePassword")).isEqualTo(true);
        assertThat(client.get("/api/platform/operators", bearer(client.operatorToken())).body()).contains(name);

        Response first = client.post("/api/auth/login", Map.of("username", name, "password", FIRST));
        assertThat(first.status()).isEqualTo(403);
        assertThat(first.string("code")).isEqualTo("password-change-required");
        Response changed = client.post("/api/auth/login", Map.of("username", name, "password", FIRST,
                "newPassword", CHOSEN));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(client.get("/api/platform/tenants", bearer(changed.string("access_token"))).status())
                .isEqualTo(200);
    }

    @Test
    void aWeakOrTakenOperatorNameOrPasswordIsRefused() {
        Response weak = client.post("/api/platform/operators", Map.of("username", "weakling",
                "password", "iloveyou1234"), bearer(client.operatorToken()));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.body()).contains("password-too-common");
        Response taken = client.post("/api/platform/operators", Map.of("username", "admin", "password", FIRST),
                bearer(client.operatorToken()));
        assertThat(taken.status()).isEqualTo(409);
    }

    @Test
    void aDisabledOperatorIsSignedOutAndCannotSignIn() {
        String name = operatorWithPassword();
        String token = client.login(null, name, CHOSEN);

        assertThat(client.patch("/api/platform/operators/" + name, Map.of("enabled", false),
                bearer(client.operatorToken())).status()).isEqualTo(200);

        assertThat(client.get("/api/platform/tenants", bearer(token)).status()).isEqualTo(401);
        assertThat(client.post("/api/auth/login", Map.of("username", name, "password", CHOSEN)).status())
                .isEqualTo(403);
        assertThat(client.patch("/api/platform/operators/" + name, Map.of("enabled", true),
                bearer(client.operatorToken())).status()).isEqualTo(200);
        assertThat(client.post("/api/auth/login", Map.of("username", name, "password", CHOSEN)).status())
                .isEqualTo(200);
    }

    @Test
    void ofTwoOperatorsDisablingEachOtherAtOnceExactlyOneSucceeds() throws Exception {
        String one = operatorWithPassword();
        String two = operatorWithPassword();
        String oneToken = client.login(null, one, CHOSEN);
        String twoToken = client.login(null, two, CHOSEN);
        List<String> othersEnabled = Database.strings("SELECT username FROM platform.platform_user WHERE enabled"
                + " AND username NOT IN (?, ?)", one, two);
        Database.update("UPDATE platform.platform_user SET enabled = false WHERE username NOT IN ('" + one + "', '"
                + two + "')");
        try {
            for (int round = 0; round < 2; round++) {
                CountDownLatch start = new CountDownLatch(1);
                CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return client.patch("/api/platform/operators/" + two, Map.of("enabled", false),
                            bearer(oneToken));
                });
                CompletableFuture<Response> second = CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return client.patch("/api/platform/operators/" + one, Map.of("enabled", false),
                            bearer(twoToken));
                });
                start.countDown();
                List<Integer> statuses = List.of(first.get().status(), second.get().status());

                // the loser is refused by the rule (409), or, when it comes second, as a disabled account (401)
                assertThat(statuses).containsOnlyOnce(200);
                assertThat(statuses).containsAnyOf(409, 401);
                assertThat(Database.count("SELECT count(*) FROM platform.platform_user WHERE enabled"))
                        .isEqualTo(1);
                Database.update("UPDATE platform.platform_user SET enabled = true, sessions_valid_after = NULL"
                        + " WHERE username IN ('" + one + "', '" + two + "')");
                Thread.sleep(5_100); // the admission's memory of the disabled account
            }
            Response last = client.patch("/api/platform/operators/" + one, Map.of("enabled", false),
                    bearer(oneToken));
            assertThat(last.status()).isEqualTo(200);
            Response refused = client.patch("/api/platform/operators/" + two, Map.of("enabled", false),
                    bearer(twoToken));
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.string("code")).isEqualTo("last-operator");
        } finally {
            for (String name : othersEnabled) {
                Database.update("UPDATE platform.platform_user SET enabled = true WHERE username = '" + name + "'");
            }
        }
    }

    private String operatorWithPassword() {
        String name = "op" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(client.post("/api/platform/operators", Map.of("username", name, "password", FIRST),
                bearer(client.operatorToken())).status()).isEqualTo(201);
        assertThat(client.post("/api/auth/login", Map.of("username", name, "password", FIRST,
                "newPassword", CHOSEN)).status()).isEqualTo(200);
        return name;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
