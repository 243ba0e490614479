package eu.koopera.benchlearning;

import eu.koopera.support.Database;
import eu.koopera.support.IntegrationTest;
import eu.koopera.support.TestClient;
import eu.koopera.support.TestClient.Response;
import eu.koopera.tenancy.Admission;
import eu.koopera.tenancy.TenantAdmission;
import eu.koopera.tenancy.TenantRegistry;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Platform-wide indicators: defined once in {@code shared} by operators, adopted by associations, their changes
 * copied to the adopters; associations cannot write the platform's catalogue, not even with raw SQL.
 */
@MicronautTest(transactional = false)
class PlatformIndicatorsApiTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    TenantAdmission admission;
    @Inject
    TenantRegistry registry;
    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void anAssociationAdoptsAPlatformIndicatorAndFollowsItsChanges() {
        TestClient client = new TestClient(server.getURI(), json);
        String operator = client.operatorToken();
        String code = "pl." + UUID.randomUUID().toString().substring(0, 8);
        Response created = client.post("/api/platform/indicators", Map.of("code", code, "name",
                Map.of("lv", "Izglītojamo skaits", "lt", "Mokinių skaičius", "en", "Pupils"),
                "direction", "HIGHER_IS_BETTER", "unit", "per 1000", "serviceArea", "education-culture"),
                bearer(operator));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.map()).containsEntry("platform", true);

        String tenant = client.createTenantWithAdmin("pli", "admin-password-123");
        String admin = client.login(tenant, "admin", "admin-password-123");
        Response forbidden = client.post("/api/platform/indicators", Map.of("code", "x.y", "name",
                Map.of("lv", "X"), "direction", "NEUTRAL"), bearer(admin));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(client.get("/api/platform/indicators", bearer(admin)).body()).contains(code, "Mokinių skaičius");

        Response adopted = client.post("/api/indicators/adopt", Map.of("code", code), bearer(admin));
        assertThat(adopted.status()).as(adopted.toString()).isEqualTo(201);
        assertThat(client.post("/api/indicators/adopt", Map.of("code", code), bearer(admin)).status())
                .isEqualTo(409);
        assertThat(client.post("/api/indicators/adopt", Map.of("code", "no.such"), bearer(admin)).status())
                .isEqualTo(404);
        Response readOnly = client.put("/api/indicators/" + code, Map.of("name", Map.of("lv", "Cits"),
                "direction", "NEUTRAL", "version", 0), bearer(admin));
        assertThat(readOnly.status()).isEqualTo(409);
        assertThat(readOnly.map()).containsEntry("code", "indicator.platform.readOnly");

        assertThat(client.post("/api/members", Map.of("code", "LV-011", "name", "Novads"), bearer(admin)).status())
                .isEqualTo(201);
        Response imported = client.send("/api/indicator-values/import", "POST",
                "indicator;municipality;year;value\n" + code + ";LV-011;2024;12\n", "text/csv", bearer(admin));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);

        Response changed = client.put("/api/platform/indicators/" + code, Map.of("name",
                Map.of("lv", "Izglītojamie uz 1000 iedzīvotājiem", "en", "Pupils per 1,000 residents"),
                "direction", "HIGHER_IS_BETTER", "unit", "per 1000", "version", 0), bearer(operator));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(client.get("/api/indicators/" + code, bearer(admin)).body())
                .contains("Pupils per 1,000 residents").doesNotContain("Mokinių skaičius");
        assertThat(client.get("/api/comparisons?indicator=" + code, bearer(admin)).map()).containsEntry("of", 1);
        assertThat(Database.count("SELECT count(*) FROM platform.audit_log WHERE action IN ('indicator.create', "
                + "'indicator.update') AND target = '" + code + "'")).isEqualTo(2);
    }

    @Test
    void anAssociationsTransactionCannotWriteThePlatformCatalogue() {
        TestClient client = new TestClient(server.getURI(), json);
        String tenant = client.createTenantWithAdmin("plr", "admin-password-123");
        var bound = Admission.of(registry.find(tenant).orElseThrow());
        assertThatThrownBy(() -> admission.callAs(bound, () -> transactions.executeWrite(status -> {
            try (Statement statement = status.getConnection().createStatement()) {
                statement.execute("SELECT set_config('koopera.platform_write', 'on', true)");
                return statement.executeUpdate("INSERT INTO shared.indicator (code, name, direction) "
                        + "VALUES ('forged', '{\"lv\":\"x\"}', 'NEUTRAL')");
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }))).hasMessageContaining("row-level security");
        assertThat(Database.count("SELECT count(*) FROM shared.indicator WHERE code = 'forged'")).isZero();
    }
}
