package eu.koopera.boot;

import eu.koopera.migrations.EmbeddedPostgres;
import eu.koopera.tenancy.SchemaMigrations;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Prepares what the application context needs before it starts: a database (the embedded server when no
 * {@code DATASOURCES_DEFAULT_URL} is configured) and a JWT signing key.
 *
 * <p>Development mode is running on the embedded database without the {@code prod} environment. Only there is a
 * missing {@code KOOPERA_JWT_SECRET} replaced by a generated key kept in the data directory; everywhere else the
 * platform refuses to start without one.
 */
public final class PlatformLauncher {

    /** Shortest signing key accepted: 256 bits for HS256. */
    static final int MIN_SECRET_LENGTH = 32;
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(PlatformLauncher.class);

    private final Map<String, String> environment;

    public PlatformLauncher(Map<String, String> environment) {
        this.environment = environment;
    }

    /** Runs the platform until the JVM stops, or the migration command to its end; returns the exit code. */
    public int launch(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        List<String> arguments = Arrays.asList(args);
        boolean migrateOnly = arguments.contains("migrate");
        Map<String, Object> properties = new HashMap<>();
        if (arguments.contains("--demo") || "true".equalsIgnoreCase(environment.get("KOOPERA_DEMO"))) {
            properties.put("koopera.demo.enabled", true);
        }
        Path dataDir = Path.of(setting("KOOPERA_DATA_DIR", "koopera.data-dir").orElse(".koopera"));
        properties.put("koopera.data-dir", dataDir.toAbsolutePath().toString());

        EmbeddedPostgres embedded = null;
        AtomicReference<ApplicationContext> started = new AtomicReference<>();
        try {
            if (setting("DATASOURCES_DEFAULT_URL", "datasources.default.url").isEmpty()) {
                embedded = EmbeddedPostgres.start(dataDir);
                properties.put("datasources.default.url", embedded.jdbcUrl());
                properties.put("datasources.default.username", embedded.username());
                properties.put("datasources.default.password", embedded.password());
            }
            // registered before anything else can fail: Micronaut ends a failed start with System.exit, and the
            // embedded PostgreSQL, a process of its own, must not outlive the JVM that started it
            Runtime.getRuntime().addShutdownHook(shutdownHook(started, embedded, migrateOnly));
            boolean production = setting("MICRONAUT_ENVIRONMENTS", "micronaut.environments").orElse("")
                    .contains("prod");
            properties.put("koopera.jwt.secret", signingKey(dataDir, embedded != null && !production));
            setting("KOOPERA_JWT_PREVIOUS_SECRET", "koopera.jwt.previous-secret").ifPresent(previous -> {
                properties.put("micronaut.security.token.jwt.signatures.secret.previous.secret", previous);
                properties.put("micronaut.security.token.jwt.signatures.secret.previous.jws-algorithm", "HS256");
            });
            if (migrateOnly) {
                properties.put("koopera.migrations.mode", "RUN");
                properties.put("koopera.ui.enabled", false);
            }
            started.set(migrateOnly
                    ? ApplicationContext.builder(Application.class).properties(properties).args(args).start()
                    : Micronaut.build(args).mainClass(Application.class).properties(properties).start());
        } catch (RuntimeException | Error e) {
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
        ApplicationContext context = started.get();
        if (migrateOnly) {
            SchemaMigrations.MigrationReport report = context.getBean(SchemaMigrations.class).lastReport();
            context.close();
            return report.failed() == 0 ? 0 : 1;
        }
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static Thread shutdownHook(AtomicReference<ApplicationContext> started, EmbeddedPostgres database,
                                       boolean migrateOnly) {
        return Thread.ofPlatform().name("koopera-shutdown").unstarted(() -> {
            ApplicationContext context = started.get();
            if (context != null) {
                if (!migrateOnly) {
                    // Micronaut's own shutdown hook drains and stops the server and the context; closing it here
                    // as well makes the two hooks wait on each other's locks, so wait for it instead.
                    awaitStopped(context, SHUTDOWN_WAIT);
                }
                if (context.isRunning()) {
                    context.close();
                }
            }
            if (database != null) {
                database.close();
            }
        });
    }

    private static void awaitStopped(ApplicationContext context, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (context.isRunning() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private String signingKey(Path dataDir, boolean developmentMode) {
        Optional<String> configured = setting("KOOPERA_JWT_SECRET", "koopera.jwt.secret");
        if (configured.isPresent()) {
            if (configured.get().length() < MIN_SECRET_LENGTH) {
                throw new IllegalStateException("KOOPERA_JWT_SECRET must be at least " + MIN_SECRET_LENGTH
                        + " characters long");
            }
            return configured.get();
        }
        if (!developmentMode) {
            throw new IllegalStateException("KOOPERA_JWT_SECRET is not set. Outside development mode (embedded "
                    + "database, no 'prod' environment) Koopera needs a signing key of at least "
                    + MIN_SECRET_LENGTH + " characters.");
        }
        Path file = dataDir.resolve("jwt.secret");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.writeString(file, secret, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            LOG.info("Development mode: generated a JWT signing key in {}", file.toAbsolutePath());
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the JWT signing key in " + file, e);
        }
    }

    private Optional<String> setting(String environmentName, String propertyName) {
        String value = System.getProperty(propertyName);
        if (value == null || value.isBlank()) {
            value = environment.get(environmentName);
        }
        return Optional.ofNullable(value).filter(text -> !text.isBlank());
    }
}
