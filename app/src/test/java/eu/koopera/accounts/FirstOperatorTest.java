package eu.koopera.accounts;

import eu.koopera.support.IntegrationTest;
import eu.koopera.support.TestClient;
import eu.koopera.support.TestClient.Response;
import eu.koopera.support.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The first operator: a weak {@code KOOPERA_ADMIN_PASSWORD} stops the start; a generated password is printed once
 * to the console and must be changed at first sign-in (issue 14, item 1). Runs its own application on a database
 * of its own, since the shared one has its operator already.
 */
class FirstOperatorTest {

    @Test
    void aWeakConfiguredAdminPasswordStopsTheStart() {
        Map<String, Object> properties = properties(TestDatabase.server().jdbcUrl());
        properties.put("koopera.admin-password", "password1234");

        assertThatThrownBy(() -> ApplicationContext.run(EmbeddedServer.class, properties).close())
                .hasStackTraceContaining("KOOPERA_ADMIN_PASSWORD breaks the password rules");
    }

    @Test
    void aGeneratedFirstPasswordIsPrintedOnceAndMustBeChangedAtFirstSignIn() throws Exception {
        String database = "koopera_first_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database + " OWNER \"" + TestDatabase.server().username() + "\"");
        }
        String url = TestDatabase.server().jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        EmbeddedServer server;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            server = ApplicationContext.run(EmbeddedServer.class, properties(url));
        } finally {
            System.setOut(console);
        }
        try (server) {
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("must be changed");
            Matcher shown = Pattern.compile("password: (\\S+)").matcher(printed.toString(StandardCharsets.UTF_8));
            assertThat(shown.find()).as("the password on the console").isTrue();
            String password = shown.group(1);
            TestClient client = new TestClient(server.getURI(), server.getApplicationContext()
                    .getBean(JsonMapper.class));

            Response first = client.post("/api/auth/login", Map.of("username", "admin", "password", password));
            assertThat(first.status()).isEqualTo(403);
            assertThat(first.string("code")).isEqualTo("password-change-required");
            Response changed = client.post("/api/auth/login", Map.of("username", "admin", "password", password,
                    "newPassword", "a-chosen-operator-password"));
            assertThat(changed.status()).isEqualTo(200);
            assertThat(client.post("/api/auth/login", Map.of("username", "admin",
                    "password", "a-chosen-operator-password")).status()).isEqualTo(200);
        } finally {
            try (Connection connection = TestDatabase.connect();
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    private static Map<String, Object> properties(String url) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", url);
        properties.put("datasources.default.username", TestDatabase.server().username());
        properties.put("datasources.default.password", TestDatabase.server().password());
        properties.put("koopera.jwt.secret", IntegrationTest.JWT_SECRET);
        properties.put("koopera.ui.enabled", "false");
        properties.put("micronaut.server.port", "-1");
        return properties;
    }
}
