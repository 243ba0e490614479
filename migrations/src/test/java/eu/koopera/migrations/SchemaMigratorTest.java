package eu.koopera.migrations;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaMigratorTest {

    private static EmbeddedPostgres server;
    private final SchemaMigrator migrator = new SchemaMigrator();

    @BeforeAll
    static void startServer() throws Exception {
        Path dataDir = Path.of("target/test-postgres");
        if (Files.exists(dataDir.resolve("pgdata"))) {
            try (Stream<Path> paths = Files.walk(dataDir.resolve("pgdata"))) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        server = EmbeddedPostgres.start(dataDir);
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password())) {
            new SchemaMigrator().migrate(connection, SchemaMigrator.PLATFORM_CHANGELOG, SchemaMigrator.PLATFORM_SCHEMA);
        }
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
    }

    @Test
    void migratesTenantSchemaAndRerunIsNoOp() throws Exception {
        try (Connection connection = connect()) {
            SchemaVersion first = migrator.migrate(connection, SchemaMigrator.TENANT_CHANGELOG, "t_rerun");
            SchemaVersion second = migrator.migrate(connection, SchemaMigrator.TENANT_CHANGELOG, "t_rerun");

            assertThat(first.appliedCount()).isEqualTo(migrator.changeSetIds(SchemaMigrator.TENANT_CHANGELOG).size());
            assertThat(second).isEqualTo(first);
            assertThat(migrator.pendingChangeSets(connection, SchemaMigrator.TENANT_CHANGELOG, "t_rerun")).isEmpty();
            assertThat(tablesOf(connection, "t_rerun")).contains("member", "app_user", "databasechangelog");
        }
    }

    @Test
    void migratesManySchemasInParallelWithoutCrossTalk() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<SchemaVersion>> runs = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String schema = "t_parallel_" + i;
                runs.add(pool.submit(() -> {
                    try (Connection connection = connect()) {
                        return migrator.migrate(connection, SchemaMigrator.TENANT_CHANGELOG, schema);
                    }
                }));
            }
            for (Future<SchemaVersion> run : runs) {
                assertThat(run.get().appliedCount())
                        .isEqualTo(migrator.changeSetIds(SchemaMigrator.TENANT_CHANGELOG).size());
            }
        } finally {
            pool.shutdownNow();
        }
        try (Connection connection = connect()) {
            for (int i = 0; i < 12; i++) {
                assertThat(tablesOf(connection, "t_parallel_" + i)).contains("member", "app_user");
                assertThat(lockedRows(connection, "t_parallel_" + i)).isZero();
            }
        }
    }

    @Test
    void clearsLiquibaseLockLeftByCrashedRun() throws Exception {
        try (Connection connection = connect()) {
            migrator.migrate(connection, SchemaMigrator.TENANT_CHANGELOG, "t_crashed");
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE t_crashed.databasechangeloglock SET locked = true, lockedby = 'dead host'");
            }
            long started = System.nanoTime();
            migrator.migrate(connection, SchemaMigrator.TENANT_CHANGELOG, "t_crashed");

            assertThat((System.nanoTime() - started) / 1_000_000).as("no wait for the stale lock").isLessThan(30_000);
            assertThat(lockedRows(connection, "t_crashed")).isZero();
        }
    }

    @Test
    void refusesNamesThatAreNotPlainSchemas() throws Exception {
        try (Connection connection = connect()) {
            assertThatThrownBy(() -> migrator.migrate(connection, SchemaMigrator.TENANT_CHANGELOG, "x\"; DROP SCHEMA platform; --"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> migrator.migrate(connection, SchemaMigrator.TENANT_CHANGELOG, "pg_catalog"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static List<String> tablesOf(Connection connection, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rows = connection.getMetaData().getTables(null, schema, "%", new String[]{"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME"));
            }
        }
        return tables;
    }

    private static int lockedRows(Connection connection, String schema) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + schema + ".databasechangeloglock WHERE locked")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
