package eu.koopera.bench;

import eu.koopera.migrations.EmbeddedPostgres;
import io.micronaut.context.ApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** A fresh embedded PostgreSQL for one benchmark run, and application contexts on it. */
final class BenchDatabase implements AutoCloseable {

    private final Path dataDir;
    private EmbeddedPostgres server;

    BenchDatabase(Path dataDir) {
        this.dataDir = dataDir;
        Path cluster = dataDir.resolve("pgdata");
        if (Files.exists(cluster)) {
            try (Stream<Path> paths = Files.walk(cluster)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        server = EmbeddedPostgres.start(dataDir);
    }

    EmbeddedPostgres server() {
        return server;
    }

    /**
     * Stops and starts the server on the same cluster (on a new port), e.g. after {@code ALTER SYSTEM} of a
     * setting that only takes effect at server start.
     */
    void restart() {
        server.close();
        server = EmbeddedPostgres.start(dataDir);
    }

    ApplicationContext startContext(Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", server.jdbcUrl());
        properties.put("datasources.default.username", server.username());
        properties.put("datasources.default.password", server.password());
        properties.put("koopera.jwt.secret", "benchmark-signing-key-long-enough-0123456789");
        properties.put("koopera.admin-password", "benchmark-password");
        properties.put("koopera.ui.enabled", false);
        properties.putAll(extra);
        return ApplicationContext.builder().properties(properties).start();
    }

    @Override
    public void close() {
        server.close();
    }
}
