package eu.koopera.platform;

import eu.koopera.support.IntegrationTest;
import eu.koopera.support.TestClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class HealthTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @ParameterizedTest
    @ValueSource(strings = {"/health", "/health/liveness", "/health/readiness"})
    void healthEndpointsAreUpWithoutAuthentication(String path) {
        TestClient.Response response = new TestClient(server.getURI(), json).get(path);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.string("status")).isEqualTo("UP");
    }
}
