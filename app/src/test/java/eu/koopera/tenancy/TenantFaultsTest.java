package eu.koopera.tenancy;

import eu.koopera.support.Database;
import eu.koopera.support.Eventually;
import eu.koopera.support.IntegrationTest;
import eu.koopera.support.TestClient;
import eu.koopera.support.TestClient.Response;
import eu.koopera.support.TestDatabase;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults while users hold tokens: a tenant whose migration failed, an account disabled or given other roles, a
 * database connection killed in the middle of a request. Each gets a clear answer, writes nothing half-way and
 * leaves the other tenants alone.
 */
@MicronautTest(transactional = false)
class TenantFaultsTest extends IntegrationTest {

    private static final String PASSWORD = "admin-password-123";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    TenantRegistry registry;
    @Inject
    TenantAdmission admission;

    TestClient client;

    @BeforeAll
    void client() {
        client = new TestClient(server.getURI(), json);
    }

    @Test
    void aTenantWhoseMigrationFailedAnswers503AndTheOthersGoOn() {
        String broken = client.createTenantWithAdmin("fault", PASSWORD);
        String healthy = client.createTenantWithAdmin("fine", PASSWORD);
        String brokenToken = client.login(broken, "admin", PASSWORD);
        String healthyToken = client.login(healthy, "admin", PASSWORD);

        Database.update("UPDATE platform.tenant SET migration_status = 'FAILED' WHERE code = '" + broken + "'");
        registry.evict(broken);
        try {
            Response refused = client.post("/api/members", Map.of("name", "Ogres novads", "code", "LV-067"),
                    bearer(brokenToken));
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.string("type")).endsWith("tenant-unavailable");
            assertThat(client.get("/api/members", bearer(healthyToken)).status()).isEqualTo(200);
            assertThat(Database.count("SELECT count(*) FROM t_" + broken + ".member")).isZero();
        } finally {
            Database.update("UPDATE platform.tenant SET migration_status = 'CURRENT' WHERE code = '" + broken + "'");
            registry.evict(broken);
        }
        assertThat(client.get("/api/members", bearer(brokenToken)).status()).isEqualTo(200);
    }

    @Test
    void aDisabledAccountsTokenIsRefusedAtItsNextRequest() {
        String code = client.createTenantWithAdmin("disabled", PASSWORD);
        String token = client.login(code, "admin", PASSWORD);
        assertThat(client.get("/api/members", bearer(token)).status()).isEqualTo(200);

        Database.update("UPDATE t_" + code + ".app_user SET status = 'DISABLED' WHERE username = 'admin'");
        admission.forgetAccount(code, "admin");

        Response refused = client.get("/api/members", bearer(token));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void rolesTakenAwayAfterTheTokenWasIssuedApplyAtTheNextRequest() {
        String code = client.createTenantWithAdmin("roles", PASSWORD);
        String token = client.login(code, "admin", PASSWORD);

        Database.update("UPDATE t_" + code + ".app_user SET roles = 'MEMBER' WHERE username = 'admin'");
        admission.forgetAccount(code, "admin");

        assertThat(client.post("/api/members", Map.of("name", "Ogres novads", "code", "LV-067"), bearer(token))
                .status()).isEqualTo(403);
        assertThat(client.get("/api/members", bearer(token)).status()).isEqualTo(200);
        assertThat(Database.count("SELECT count(*) FROM t_" + code + ".member")).isZero();
    }

    @Test
    void aConnectionKilledMidRequestAnswers503WritesNothingAndTheNextRequestWorks() throws Exception {
        String code = client.createTenantWithAdmin("killed", PASSWORD);
        String token = client.login(code, "admin", PASSWORD);
        Response created = client.post("/api/members", Map.of("name", "Cēsu novads", "code", "LV-022"), bearer(token));
        assertThat(created.status()).isEqualTo(201);
        String location = created.header("Location");

        Response answer;
        try (Connection blocker = TestDatabase.connect()) {
            blocker.setAutoCommit(false);
            try (Statement statement = blocker.createStatement()) {
                statement.execute("SELECT * FROM t_" + code + ".member FOR UPDATE");
            }
            CompletableFuture<Response> update = CompletableFuture.supplyAsync(() -> client.put(location,
                    Map.of("name", "Renamed while killed", "code", "LV-022", "version", 0), bearer(token)));
            Eventually.await(Duration.ofSeconds(10), "the update to wait for the row lock", () -> Optional.of(1)
                    .filter(one -> Database.count("SELECT count(*) FROM pg_stat_activity WHERE usename = 'koopera_app' "
                            + "AND wait_event_type = 'Lock'") == one));
            assertThat(Database.count("SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    + "WHERE usename = 'koopera_app' AND wait_event_type = 'Lock') killed")).isOne();
            answer = update.get(20, TimeUnit.SECONDS);
            blocker.rollback();
        }

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Database.text("SELECT name FROM t_" + code + ".member WHERE code = 'LV-022'"))
                .isEqualTo("Cēsu novads");
        assertThat(client.get(location, bearer(token)).string("name")).isEqualTo("Cēsu novads");
    }
}
