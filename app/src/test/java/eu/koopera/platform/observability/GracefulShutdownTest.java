package eu.koopera.platform.observability;

import eu.koopera.migrations.EmbeddedPostgres;
import eu.koopera.support.IntegrationTest;
import eu.koopera.support.TestClient;
import eu.koopera.support.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping the application (what SIGTERM does through Micronaut's shutdown hook) while requests are in flight:
 * every one of them gets its whole answer before the server stops; none is cut off and none becomes a 500.
 */
class GracefulShutdownTest {

    private static final String PASSWORD = "admin-password-123";
    private static final int IN_FLIGHT = 16;

    @Test
    void requestsInFlightWhenTheApplicationStopsAllGetTheirAnswer() throws Exception {
        ApplicationContext context = start();
        URI base = context.getBean(EmbeddedServer.class).getURI();
        TestClient client = new TestClient(base, context.getBean(JsonMapper.class));
        String tenant = client.createTenantWithAdmin("drain", PASSWORD);
        String body = "{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}";

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < IN_FLIGHT; i++) {
            // one password hash at a time: the logins queue up and are still running when the stop comes
            answers.add(http.sendAsync(HttpRequest.newBuilder(base.resolve("/api/auth/login"))
                    .header("Content-Type", "application/json").header("X-Tenant", tenant)
                    .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        Thread.sleep(300);
        long stopping = System.nanoTime();
        context.close();
        long stopMillis = (System.nanoTime() - stopping) / 1_000_000;

        List<String> outcomes = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            try {
                HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
                outcomes.add(response.statusCode() + (response.body().isEmpty() ? " empty" : ""));
            } catch (Exception e) {
                outcomes.add("cut off: " + e.getCause());
            }
        }
        System.out.printf("%d logins in flight at stop: %s; stop took %d ms%n", IN_FLIGHT, outcomes, stopMillis);
        assertThat(outcomes).as("every request in flight finished").containsOnly("200");
    }

    private static ApplicationContext start() {
        EmbeddedPostgres db = TestDatabase.server();
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", db.jdbcUrl());
        properties.put("datasources.default.username", db.username());
        properties.put("datasources.default.password", db.password());
        properties.put("koopera.jwt.secret", IntegrationTest.JWT_SECRET);
        properties.put("koopera.admin-password", IntegrationTest.OPERATOR_PASSWORD);
        properties.put("koopera.ui.enabled", false);
        properties.put("koopera.password-hashing.concurrency", 1);
        properties.put("koopera.password-hashing.max-wait", "30s");
        properties.put("micronaut.server.port", -1);
        ApplicationContext context = ApplicationContext.builder().properties(properties).start();
        context.getBean(EmbeddedServer.class).start();
        return context;
    }
}
