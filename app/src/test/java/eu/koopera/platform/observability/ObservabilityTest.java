package eu.koopera.platform.observability;

import eu.koopera.support.IntegrationTest;
import eu.koopera.support.TestClient;
import eu.koopera.support.TestClient.Response;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class ObservabilityTest extends IntegrationTest {

    private static final String METRICS_TOKEN = "scraper-token-0123456789";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    TestClient client;
    String tenant;
    String token;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("koopera.metrics.token", METRICS_TOKEN);
    }

    @BeforeAll
    void setUp() {
        client = new TestClient(server.getURI(), json);
        tenant = client.createTenantWithAdmin("obs", "admin-password-123");
        token = client.login(tenant, "admin", "admin-password-123");
    }

    @Test
    void requestIdIsEchoedOrGenerated() {
        assertThat(client.get("/api/members", bearer(token, "X-Request-Id", "trace-123")).header("X-Request-Id"))
                .isEqualTo("trace-123");
        assertThat(client.get("/api/members", bearer(token)).header("X-Request-Id")).matches("[0-9a-f-]{36}");
        assertThat(client.get("/api/members", bearer(token, "X-Request-Id", "bad id with spaces and $ymbols"))
                .header("X-Request-Id")).matches("[0-9a-f-]{36}");
    }

    @Test
    void prometheusMetricsCoverHttpRoutesPoolJvmAndTenants() {
        client.get("/api/members", bearer(token));
        String id = client.post("/api/members", Map.of("name", "Tukums", "code", "TUK"), bearer(token)).string("id");
        client.get("/api/members/" + id, bearer(token));
        client.get("/api/members/424242", bearer(token));
        client.post("/api/auth/login", Map.of("username", "x", "password", "y"), "X-Tenant", "unregistered");

        Response metrics = client.get("/metrics", "Authorization", "Bearer " + METRICS_TOKEN);

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("http_server_requests_seconds_bucket")
                .contains("uri=\"/api/members/{id}\"")
                .contains("status=\"404\",uri=\"NOT_FOUND\"")
                .contains("hikaricp_connections")
                .contains("jvm_memory_used_bytes")
                .contains("koopera_tenant_requests_total{status=\"2xx\",tenant=\"" + tenant + "\"}")
                .doesNotContain("tenant=\"unregistered\"");
    }

    @Test
    void metricsAreRefusedWithoutTheConfiguredTokenEvenToASignedInUser() {
        assertThat(client.get("/metrics").status()).isEqualTo(401);
        assertThat(client.get("/metrics", "Authorization", "Bearer wrong-" + METRICS_TOKEN).status()).isEqualTo(401);
        Response withUserToken = client.get("/metrics", bearer(token));
        assertThat(withUserToken.status()).isEqualTo(401);
        assertThat(withUserToken.contentType()).startsWith("application/problem+json");
        assertThat(withUserToken.body()).doesNotContain("jvm_memory_used_bytes");
    }
}
