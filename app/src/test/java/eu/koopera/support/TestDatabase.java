package eu.koopera.support;

import eu.koopera.migrations.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * One real PostgreSQL server for all tests of a test JVM, started on first use in {@code target/test-postgres}
 * and stopped when the JVM exits.
 */
public final class TestDatabase {

    private static EmbeddedPostgres server;

    private TestDatabase() {
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            Path dataDir = Path.of("target/test-postgres");
            deleteCluster(dataDir.resolve("pgdata"));
            server = EmbeddedPostgres.start(dataDir);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server;
    }

    /** Every test JVM starts from an empty cluster, so that reruns see no rows of earlier runs. */
    private static void deleteCluster(Path cluster) {
        if (!Files.exists(cluster)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(cluster)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reset the test database in " + cluster, e);
        }
    }

    /** A direct superuser connection, outside the application's pool and past row-level security, for checking what really is in the database. */
    public static Connection connect() throws SQLException {
        EmbeddedPostgres db = server();
        return DriverManager.getConnection(db.jdbcUrl(), db.superuser(), db.superuserPassword());
    }
}
