package eu.koopera.tenancy;

import eu.koopera.support.Database;
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
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant exists for its users only with its first administrator: until then it is PROVISIONING, and a creation
 * cut short (killed between the two requests, or in the middle of its migration) is completed or cleaned up by the
 * retry instead of being refused as a duplicate.
 */
@MicronautTest(transactional = false)
class TenantProvisioningTest extends IntegrationTest {

    private static final String PASSWORD = "admin-password-123";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    TestClient client;
    String operator;

    @BeforeAll
    void setUp() {
        client = new TestClient(server.getURI(), json);
        operator = client.operatorToken();
    }

    @Test
    void aNewTenantAdmitsNobodyUntilItsFirstAdministratorExists() {
        Response created = createTenant("prov_first", "First");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.string("status")).isEqualTo("PROVISIONING");
        assertThat(client.patch("/api/platform/tenants/prov_first", Map.of("status", "ACTIVE"), bearer(operator))
                .string("code")).isEqualTo("tenant.provisioning");

        assertThat(createAdmin("prov_first").status()).isEqualTo(201);

        assertThat(client.get("/api/platform/tenants/prov_first", bearer(operator)).string("status"))
                .isEqualTo("ACTIVE");
        assertThat(client.login("prov_first", "admin", PASSWORD)).isNotBlank();
    }

    @Test
    void aCreationKilledBeforeItsAdministratorIsCompletedByTheRetry() {
        assertThat(createTenant("prov_killed", "Killed").status()).isEqualTo(201);
        // the client died here: no administrator; it sends the same request again

        Response retried = createTenant("prov_killed", "Killed");

        assertThat(retried.status()).as(retried.body()).isEqualTo(201);
        assertThat(createAdmin("prov_killed").status()).isEqualTo(201);
        assertThat(client.get("/api/platform/tenants/prov_killed", bearer(operator)).string("status"))
                .isEqualTo("ACTIVE");
    }

    @Test
    void theRemainsOfACreationKilledDuringItsMigrationAreRemovedByTheRetry() throws Exception {
        // what a process killed in the middle of the schema's migration leaves behind
        Database.update("INSERT INTO platform.tenant (code, name, country, default_locale, status, schema_name, "
                + "migration_status) VALUES ('prov_mid', 'Mid', 'LV', 'lv', 'PROVISIONING', 't_prov_mid', 'PENDING')");
        Database.update("CREATE SCHEMA t_prov_mid AUTHORIZATION " + eu.koopera.migrations.EmbeddedPostgres.APPLICATION_ROLE);
        Database.update("CREATE TABLE t_prov_mid.half_done (id int)");

        Response retried = createTenant("prov_mid", "Mid");

        assertThat(retried.status()).as(retried.body()).isEqualTo(201);
        assertThat(retried.string("migrationStatus")).isEqualTo("CURRENT");
        assertThat(Database.strings("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                + "'t_prov_mid'")).contains("member", "app_user").doesNotContain("half_done");
        assertThat(createAdmin("prov_mid").status()).isEqualTo(201);
        assertThat(client.login("prov_mid", "admin", PASSWORD)).isNotBlank();
    }

    @Test
    void aCreationInProgressIsNotDisturbedByAConcurrentRetry() throws Exception {
        try (Connection connection = TestDatabase.connect();
             PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(hashtext(?))")) {
            lock.setString(1, "koopera.tenant-creation:prov_busy");
            lock.execute();

            Response refused = createTenant("prov_busy", "Busy");

            assertThat(refused.status()).isEqualTo(409);
            assertThat(Database.count("SELECT count(*) FROM platform.tenant WHERE code = 'prov_busy'")).isZero();
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_unlock_all()");
            }
        }
        assertThat(createTenant("prov_busy", "Busy").status()).isEqualTo(201);
    }

    private Response createTenant(String code, String name) {
        return client.post("/api/platform/tenants", Map.of("code", code, "name", name, "country", "LV",
                "defaultLocale", "lv"), bearer(operator));
    }

    private Response createAdmin(String code) {
        return client.post("/api/platform/tenants/" + code + "/users", Map.of("username", "admin", "password",
                PASSWORD, "email", "admin@" + code + ".example", "roles", List.of("ASSOCIATION_ADMIN")),
                bearer(operator));
    }
}
