package eu.koopera.boot;

import eu.koopera.migrations.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A start that fails after the embedded PostgreSQL came up stops it again instead of leaving it running. */
class FailedStartTest {

    @Test
    void aStartRefusedForAMissingSigningKeyLeavesNoEmbeddedPostgresRunning() throws Exception {
        // under target, which the server's operating-system user can reach (a JUnit temporary directory is private)
        Path dataDir = Path.of("target/failed-start-postgres").toAbsolutePath();
        deleteRecursively(dataDir.resolve("pgdata"));
        PlatformLauncher launcher = new PlatformLauncher(Map.of("KOOPERA_DATA_DIR", dataDir.toString(),
                "MICRONAUT_ENVIRONMENTS", "prod"));
        try {
            assertThatThrownBy(() -> launcher.launch(new String[0])).hasMessageContaining("KOOPERA_JWT_SECRET");

            assertThat(dataDir.resolve("pgdata/PG_VERSION")).as("the embedded server was started").exists();
            assertThat(Files.exists(dataDir.resolve("pgdata/postmaster.pid"))).as("and stopped again").isFalse();
        } finally {
            if (Files.exists(dataDir.resolve("pgdata/postmaster.pid"))) {
                EmbeddedPostgres.start(dataDir).close(); // stops the leftover before it outlives the test
            }
        }
    }

    private static void deleteRecursively(Path directory) throws java.io.IOException {
        if (Files.exists(directory)) {
            try (var paths = Files.walk(directory)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
