package eu.koopera.platform.web;

import eu.koopera.support.IntegrationTest;
import eu.koopera.support.TestClient;
import eu.koopera.support.TestClient.Response;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every API answer, success or problem, tells the browser it is data: no sniffing, no framing, no referrer. */
@MicronautTest(transactional = false)
class SecurityHeadersTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Test
    void answersAndProblemsCarryTheSecurityHeaders() {
        TestClient client = new TestClient(server.getURI(), json);
        List<Response> answers = List.of(client.get("/health"), client.get("/api/members"),
                client.post("/api/auth/login", Map.of("username", "x", "password", "y")),
                client.get("/api/no-such-route"));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(answer.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
            assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
        });
    }
}
