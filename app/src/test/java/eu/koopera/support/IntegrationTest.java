package eu.koopera.support;

import eu.koopera.migrations.EmbeddedPostgres;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;

/**
 * Base of tests that run the application against the shared test PostgreSQL. Subclasses add properties through
 * {@link #extraProperties()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class IntegrationTest implements TestPropertyProvider {

    public static final String JWT_SECRET = "test-signing-key-that-is-long-enough-0123456789";
    public static final String OPERATOR_PASSWORD = "operator-password-123";

    @Override
    public Map<String, String> getProperties() {
        EmbeddedPostgres db = TestDatabase.server();
        Map<String, String> properties = new HashMap<>();
        properties.put("datasources.default.url", db.jdbcUrl());
        properties.put("datasources.default.username", db.username());
        properties.put("datasources.default.password", db.password());
        properties.put("koopera.jwt.secret", JWT_SECRET);
        properties.put("koopera.admin-password", OPERATOR_PASSWORD);
        properties.put("koopera.ui.enabled", "false");
        // a random port, so that tests also run while a Koopera instance listens on the default one
        properties.put("micronaut.server.port", "-1");
        properties.putAll(extraProperties());
        return properties;
    }

    protected Map<String, String> extraProperties() {
        return Map.of();
    }
}
