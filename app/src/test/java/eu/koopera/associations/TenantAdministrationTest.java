package eu.koopera.associations;

import eu.koopera.tenancy.Tenant;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class TenantAdministrationTest extends IntegrationTest {

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
    void operatorCreatesTenantWithItsOwnSchemaAtTheCurrentVersion() throws SQLException {
        Response created = client.post("/api/platform/tenants", Map.of("code", "lps_create", "name",
                "Latvijas Pašvaldību savienība", "country", "LV", "defaultLocale", "lv"), bearer(operator));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/platform/tenants/lps_create");
        assertThat(created.string("name")).isEqualTo("Latvijas Pašvaldību savienība");
        assertThat(created.string("migrationStatus")).isEqualTo("CURRENT");
        assertThat(created.string("schemaVersion")).isNotBlank();
        assertThat(tablesIn("t_lps_create")).contains("member", "app_user");

        Response fetched = client.get("/api/platform/tenants/lps_create", bearer(operator));
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.string("schemaVersion")).isEqualTo(created.string("schemaVersion"));
        assertThat(client.get("/api/platform/tenants", bearer(operator)).body()).contains("\"lps_create\"");
    }

    @Test
    void duplicateCodeIsAConflictAndChangesNothing() throws SQLException {
        Map<String, String> tenant = Map.of("code", "dup_code", "name", "First", "country", "LV", "defaultLocale", "lv");
        assertThat(client.post("/api/platform/tenants", tenant, bearer(operator)).status()).isEqualTo(201);

        Response again = client.post("/api/platform/tenants", Map.of("code", "dup_code", "name", "Second",
                "country", "LT", "defaultLocale", "lt"), bearer(operator));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(client.get("/api/platform/tenants/dup_code", bearer(operator)).string("name")).isEqualTo("First");
    }

    @ParameterizedTest
    @ValueSource(strings = {"LPS", "x", "1abc", "platform", "public", "pg_toast", "information_schema",
            "a_very_long_code_that_is_over_31_chars", "lps; DROP SCHEMA platform CASCADE", "lps'--", "t-lps"})
    void invalidOrReservedCodesAreRejectedWithoutCreatingAnything(String code) throws SQLException {
        int schemasBefore = schemaCount();

        Response response = client.post("/api/platform/tenants", Map.of("code", code, "name", "Bad",
                "country", "LV", "defaultLocale", "lv"), bearer(operator));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.list("errors")).as(response.body()).extracting(error -> error.get("field")).contains("code");
        assertThat(schemaCount()).isEqualTo(schemasBefore);
        assertThat(registryRows(code)).isZero();
    }

    @Test
    void leftoverSchemaIsNeverAdoptedAndLeavesNoRegistryRow() throws SQLException {
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA t_leftover");
            statement.execute("CREATE TABLE t_leftover.secret (id int)");
        }

        Response response = client.post("/api/platform/tenants", Map.of("code", "leftover", "name", "Leftover",
                "country", "LV", "defaultLocale", "lv"), bearer(operator));

        assertThat(response.status()).isEqualTo(409);
        assertThat(registryRows("leftover")).isZero();
        assertThat(tablesIn("t_leftover")).containsExactly("secret");
    }

    @Test
    void suspendedTenantsUsersAreRefusedUntilReactivated() {
        String code = client.createTenantWithAdmin("susp", "admin-password-123");
        String token = client.login(code, "admin", "admin-password-123");
        assertThat(client.get("/api/members", bearer(token)).status()).isEqualTo(200);

        Response suspended = client.patch("/api/platform/tenants/" + code, Map.of("status", "SUSPENDED"),
                bearer(operator));
        assertThat(suspended.string("status")).isEqualTo("SUSPENDED");
        assertThat(client.get("/api/members", bearer(token)).status()).isEqualTo(403);
        assertThat(client.post("/api/auth/login", Map.of("username", "admin", "password", "admin-password-123"),
                "X-Tenant", code).status()).isEqualTo(403);

        client.patch("/api/platform/tenants/" + code, Map.of("status", "ACTIVE"), bearer(operator));
        assertThat(client.get("/api/members", bearer(token)).status()).isEqualTo(200);
    }

    @Test
    void onlyOperatorsManageTenants() {
        String code = client.createTenantWithAdmin("ops", "admin-password-123");
        String tenantAdmin = client.login(code, "admin", "admin-password-123");

        assertThat(client.get("/api/platform/tenants", bearer(tenantAdmin)).status()).isEqualTo(403);
        assertThat(client.get("/api/platform/tenants").status()).isEqualTo(401);
        assertThat(client.post("/api/platform/tenants", Map.of("code", "sneaky", "name", "x", "country", "LV",
                "defaultLocale", "lv"), bearer(tenantAdmin)).status()).isEqualTo(403);
    }

    @Test
    void creatingAUserWithAnUnknownRoleIsRejected() {
        String code = client.createTenantWithAdmin("roles", "admin-password-123");

        Response response = client.post("/api/platform/tenants/" + code + "/users", Map.of("username", "eve",
                "password", "long-enough-password", "roles", List.of("PLATFORM_OPERATOR")), bearer(operator));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("unknown tenant role");
    }

    private static List<String> tablesIn(String schema) throws SQLException {
        try (Connection connection = TestDatabase.connect();
             ResultSet rows = connection.getMetaData().getTables(null, schema, "%", new String[]{"TABLE"})) {
            List<String> tables = new java.util.ArrayList<>();
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME"));
            }
            return tables;
        }
    }

    private static int schemaCount() throws SQLException {
        return count("SELECT count(*) FROM pg_namespace");
    }

    private static int registryRows(String code) throws SQLException {
        return count("SELECT count(*) FROM platform.tenant WHERE code = '" + code.replace("'", "''") + "'");
    }

    private static int count(String sql) throws SQLException {
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
