package eu.koopera.bench;

import eu.koopera.migrations.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The read path end to end, against the database alone, in one run: how many primary-key reads of a member the
 * API serves per second compared with what PostgreSQL itself serves for the same query.
 *
 * <ol>
 *   <li>Starts the embedded PostgreSQL (fresh cluster in {@code target/api-read-postgres}) with
 *       {@code pg_stat_statements} preloaded.</li>
 *   <li>Starts the packaged application ({@code ui/target/koopera.jar}, API and UI) as a child JVM on that
 *       database, listening on 127.0.0.1 only, and creates the association {@code perf} with {@code -Dmembers}
 *       members through the REST API.</li>
 *   <li>For each connection count in {@code -Dconnections} (default 8,16,32): {@code pgbench -M prepared} on
 *       {@code SELECT * FROM t_perf.member WHERE id = :id} with random ids, then {@code wrk} on
 *       {@code GET /api/members/{id}} with random ids and a bearer token, after a warm-up.</li>
 *   <li>Counts what one API request costs the database over {@code -Dsample} sequential requests: statements
 *       (every one the server executed, from its log with {@code log_statement = all} on for that window only;
 *       {@code pg_stat_statements} as a cross-check) and TCP segments sent by the application to PostgreSQL (one
 *       per round trip, from {@code ss -ti}), each minus what the idle application does over the same time.</li>
 * </ol>
 *
 * <p>Needs {@code pgbench} and {@code wrk} (Debian: {@code apt-get install -y postgresql-client wrk}).
 *
 * <p>Run: {@code ./mvnw -B -q install -DskipTests && ./mvnw -B -q -pl bench exec:exec
 * -Dbench.main=eu.koopera.bench.ApiReadBenchmark [-Dconnections=16] [-Dduration=15] [-Dmembers=5000]
 * [-Dapp.jvm="-Dmicronaut.server.thread-selection=IO"] [-Dprofiler=/path/to/libasyncProfiler.so]}; with
 * {@code -Dprofiler}, the measured runs are profiled (CPU) into {@code target/api-read/profile-*.collapsed}.
 */
public final class ApiReadBenchmark {

    static final String TENANT = "perf";
    static final String PASSWORD = "benchmark-password";
    private static final String QUERY = "SELECT * FROM t_" + TENANT + ".member WHERE id = :id";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private ApiReadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int members = Integer.getInteger("members", 5_000);
        int duration = Integer.getInteger("duration", 15);
        int warmup = Integer.getInteger("warmup", 15);
        int sample = Integer.getInteger("sample", 2_000);
        int loadThreads = Integer.getInteger("loadThreads", 2);
        List<Integer> connections = Arrays.stream(System.getProperty("connections", "8,16,32").split(","))
                .map(String::strip).map(Integer::valueOf).toList();
        Path jar = Path.of(System.getProperty("jar", "../ui/target/koopera.jar")).toAbsolutePath().normalize();
        String appJvm = System.getProperty("app.jvm", "").strip();
        String profiler = System.getProperty("profiler", "").strip();

        String pgbench = findPgbench().orElseThrow(() -> new IllegalStateException(
                "pgbench not found on PATH or in /usr/lib/postgresql/*/bin: apt-get install -y postgresql-client"));
        String wrk = findOnPath("wrk").orElseThrow(() -> new IllegalStateException(
                "wrk not found on PATH: apt-get install -y wrk"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: ./mvnw -B -q install -DskipTests");
        }
        Path work = Path.of("target/api-read").toAbsolutePath();
        deleteRecursively(work);
        Files.createDirectories(work);

        try (BenchDatabase database = new BenchDatabase(Path.of("target/api-read-postgres"))) {
            boolean statementsTracked = preloadStatementStatistics(database);
            EmbeddedPostgres postgres = database.server();
            try (App app = App.start(jar, appJvm, postgres, work)) {
                Api api = new Api(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), app.base);
                String operator = api.login(null, "admin");
                api.expect(201, "POST", "/api/platform/tenants", operator, "{\"code\":\"" + TENANT
                        + "\",\"name\":\"Benchmark\",\"country\":\"LV\",\"defaultLocale\":\"lv\"}");
                api.expect(201, "POST", "/api/platform/tenants/" + TENANT + "/users", operator,
                        "{\"username\":\"admin\",\"password\":\"" + PASSWORD
                                + "\",\"roles\":[\"ASSOCIATION_ADMIN\"]}");
                String token = api.login(TENANT, "admin");
                long started = System.nanoTime();
                createMembers(api, token, members);
                System.err.printf(Locale.ROOT, "Created %,d members through POST /api/members in %.1f s%n",
                        members, (System.nanoTime() - started) / 1e9);
                try (Connection admin = superuser(postgres)) {
                    execute(admin, "VACUUM ANALYZE t_" + TENANT + ".member");
                }

                Path pgbenchScript = work.resolve("member-by-id.sql");
                Files.writeString(pgbenchScript, "\\set id random(1, " + members + ")\n" + QUERY + ";\n");

                List<String> rows = new ArrayList<>();
                boolean first = true;
                for (int clients : connections) {
                    double tps = runPgbench(pgbench, pgbenchScript, postgres, clients, duration, loadThreads);
                    token = api.login(TENANT, "admin");
                    Path lua = writeWrkScript(work, token, members);
                    // warm-up: pool, caches and above all the JIT. On two cores C2 compiles for about a minute
                    // under load and takes CPU from the server, so the first warm-up is four times longer.
                    runWrk(wrk, lua, app.base, clients, first ? warmup * 4 : warmup, loadThreads);
                    first = false;
                    app.profile(profiler, "start,event=cpu,interval=1ms");
                    long cpuBefore = app.cpuTicks();
                    WrkResult api1 = runWrk(wrk, lua, app.base, clients, duration, loadThreads);
                    long cpuTicks = app.cpuTicks() - cpuBefore;
                    app.profile(profiler, "stop,collapsed,file=" + work.resolve("profile-members-" + clients
                            + ".collapsed"));
                    double cpuPerRequestUs = api1.requests == 0 ? 0
                            : cpuTicks * 10_000.0 / api1.requests; // 100 ticks per second
                    // the same authenticated request to a path no controller serves: JWT, filters, tenant admission
                    // and a problem body, but no database; the ceiling of any API request on this machine
                    app.profile(profiler, "start,event=cpu,interval=1ms");
                    WrkResult floor = runWrk(wrk, writeWrkScript(work, token, 0), app.base, clients, duration,
                            loadThreads);
                    app.profile(profiler, "stop,collapsed,file=" + work.resolve("profile-floor-" + clients
                            + ".collapsed"));
                    rows.add(String.format(Locale.ROOT, "| %d | %,.0f | %,.0f | %.1f %% | %.2f ms | %.2f ms | %d | %,.0f µs "
                                    + "| %,.0f | %.1f %% |",
                            clients, tps, api1.requestsPerSecond, 100 * api1.requestsPerSecond / tps,
                            api1.p50Millis, api1.p99Millis, api1.errors, cpuPerRequestUs,
                            floor.requestsPerSecond, 100 * floor.requestsPerSecond / tps));
                }

                String costs = databaseCostPerRequest(api, token, members, sample, postgres, app.pid,
                        statementsTracked);

                System.out.println();
                System.out.printf(Locale.ROOT, "Read path, %,d members, %d s per run, %d load threads, app JVM %s%n",
                        members, duration, loadThreads, appJvm.isEmpty() ? "(defaults)" : appJvm);
                System.out.println();
                System.out.println("| Connections | pgbench TPS | API req/s | API / pgbench | API p50 | API p99 "
                        + "| API errors | App CPU per request | No-database floor req/s | Floor / pgbench |");
                System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
                rows.forEach(System.out::println);
                System.out.println();
                System.out.println(costs);
            }
        }
        System.exit(0);
    }

    // ---- database preparation ----

    /** Preloads pg_stat_statements (a server restart), returns whether the extension could be created. */
    private static boolean preloadStatementStatistics(BenchDatabase database) {
        try {
            try (Connection connection = superuser(database.server())) {
                execute(connection, "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'");
                execute(connection, "ALTER SYSTEM SET pg_stat_statements.track_utility = on");
                execute(connection, "ALTER SYSTEM SET pg_stat_statements.max = 10000");
            }
            database.restart();
            try (Connection connection = superuser(database.server())) {
                execute(connection, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            }
            return true;
        } catch (SQLException | RuntimeException e) {
            System.err.println("pg_stat_statements unavailable, statements per request not counted: " + e);
            return false;
        }
    }

    static Connection superuser(EmbeddedPostgres postgres) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), EmbeddedPostgres.SUPERUSER, superuserPassword());
    }

    /** The superuser's password, kept by {@link EmbeddedPostgres} in its data directory. */
    private static String superuserPassword() {
        try {
            return Files.readString(Path.of("target/api-read-postgres/postgres.password")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static void createMembers(Api api, String token, int members) throws Exception {
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < members; i = next.getAndIncrement()) {
                        api.expect(201, "POST", "/api/members", token, "{\"name\":\"Member " + i
                                + "\",\"code\":\"M" + i + "\",\"kind\":\"MUNICIPALITY\",\"country\":\"LV\","
                                + "\"region\":\"Region " + (i % 5) + "\",\"population\":" + (1000 + i)
                                + ",\"website\":\"https://example.org/" + i + "\"}");
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
    }

    // ---- load generators ----

    private static double runPgbench(String pgbench, Path script, EmbeddedPostgres postgres, int clients,
                                     int seconds, int threads) throws Exception {
        List<String> command = List.of(pgbench, "-n", "-M", "prepared", "-c", Integer.toString(clients),
                "-j", Integer.toString(Math.min(threads, clients)), "-T", Integer.toString(seconds),
                "-f", script.toString(), "-h", "127.0.0.1", "-p", Integer.toString(postgres.port()),
                "-U", postgres.username(), EmbeddedPostgres.DATABASE);
        String output = run(command, Map.of("PGPASSWORD", postgres.password()), seconds + 60);
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
        Matcher failed = Pattern.compile("number of failed transactions: (\\d+)").matcher(output);
        if (!tps.find() || failed.find() && !failed.group(1).equals("0")) {
            throw new IllegalStateException("pgbench failed:\n" + output);
        }
        System.err.printf(Locale.ROOT, "pgbench, %d clients: %s tps%n", clients, tps.group(1));
        return Double.parseDouble(tps.group(1));
    }

    /** GET /api/members/{random id}; with {@code members} 0, GET of a path no controller serves (404). */
    static Path writeWrkScript(Path work, String token, int members) throws IOException {
        Path lua = work.resolve(members == 0 ? "no-such-path.lua" : "member-by-id.lua");
        Files.writeString(lua, """
                -- GET /api/members/{random id} with a bearer token
                local counter = 0
                function setup(thread)
                  counter = counter + 1
                  thread:set("seed", counter)
                end
                function init(args)
                  math.randomseed(seed * 7919 + os.time())
                end
                wrk.headers["Authorization"] = "Bearer %s"
                wrk.headers["Accept"] = "application/json"
                request = function()
                  return wrk.format("GET", %s)
                end
                """.formatted(token, members == 0 ? "\"/api/no-such-path\""
                : "\"/api/members/\" .. math.random(1, " + members + ")"));
        return lua;
    }

    record WrkResult(double requestsPerSecond, long requests, long errors, double p50Millis,
                             double p99Millis) {
    }

    static WrkResult runWrk(String wrk, Path lua, URI base, int connections, int seconds, int threads)
            throws Exception {
        List<String> command = List.of(wrk, "-t", Integer.toString(Math.min(threads, connections)),
                "-c", Integer.toString(connections), "-d", seconds + "s", "--timeout", "5s", "--latency",
                "-s", lua.toString(), base.toString());
        String output = run(command, Map.of(), seconds + 60);
        Matcher rps = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(output);
        Matcher total = Pattern.compile("(\\d+) requests in").matcher(output);
        if (!rps.find() || !total.find()) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        Matcher non2xx = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(output);
        Matcher socketErrors = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), "
                + "timeout (\\d+)").matcher(output);
        long errors = non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0;
        if (socketErrors.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(socketErrors.group(g));
            }
        }
        WrkResult result = new WrkResult(Double.parseDouble(rps.group(1)), Long.parseLong(total.group(1)), errors,
                percentile(output, "50%"), percentile(output, "99%"));
        System.err.printf(Locale.ROOT, "wrk, %d connections, %d s: %.0f req/s, p50 %.2f ms, p99 %.2f ms, %d errors%n",
                connections, seconds, result.requestsPerSecond, result.p50Millis, result.p99Millis, errors);
        return result;
    }

    private static double percentile(String wrkOutput, String label) {
        Matcher m = Pattern.compile("\\s" + Pattern.quote(label) + "\\s+([0-9.]+)(us|ms|s)\\b").matcher(wrkOutput);
        if (!m.find()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    // ---- what one request costs the database ----

    private record DbCounters(Map<String, Long> callsByStatement, long segmentsIn, long logOffset) {
    }

    private static String databaseCostPerRequest(Api api, String token, int members, int sample,
                                                 EmbeddedPostgres postgres, long appPid, boolean statementsTracked)
            throws Exception {
        Path log = Path.of("target/api-read-postgres/postgres.log");
        try (Connection admin = superuser(postgres)) {
            int adminPid;
            try (Statement statement = admin.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT pg_backend_pid()")) {
                rows.next();
                adminPid = rows.getInt(1);
            }
            // every statement of the application into the server log, for the two windows below only
            execute(admin, "ALTER SYSTEM SET log_statement = 'all'");
            execute(admin, "SELECT pg_reload_conf()");
            Thread.sleep(500);
            // warm sequential path first, so that pool growth and JIT do not land in the window
            for (int i = 0; i < 200; i++) {
                api.expect(200, "GET", "/api/members/" + (1 + i % members), token, null);
            }
            DbCounters before = counters(admin, statementsTracked, postgres.port(), appPid, log);
            long started = System.nanoTime();
            for (int i = 0; i < sample; i++) {
                api.expect(200, "GET", "/api/members/" + (1 + (i * 7919L) % members), token, null);
            }
            long elapsed = System.nanoTime() - started;
            DbCounters loaded = counters(admin, statementsTracked, postgres.port(), appPid, log);
            // the same time with the application idle (background jobs such as the mail outbox poll)
            TimeUnit.NANOSECONDS.sleep(elapsed);
            DbCounters idle = counters(admin, statementsTracked, postgres.port(), appPid, log);
            execute(admin, "ALTER SYSTEM RESET log_statement");
            execute(admin, "SELECT pg_reload_conf()");

            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "Database work per GET /api/members/{id}, %,d sequential requests "
                    + "(%.2f ms each), minus the idle application over the same time:%n%n", sample,
                    elapsed / 1e6 / sample));
            out.append("| Per request | Count |\n|---|---:|\n");
            Map<String, Long> during = loggedStatements(log, before.logOffset, loaded.logOffset, adminPid);
            Map<String, Long> background = loggedStatements(log, loaded.logOffset, idle.logOffset, adminPid);
            Map<String, Double> perStatement = new LinkedHashMap<>();
            double statements = 0;
            for (Map.Entry<String, Long> entry : during.entrySet()) {
                double per = (entry.getValue() - background.getOrDefault(entry.getKey(), 0L)) / (double) sample;
                if (per >= 0.01) {
                    perStatement.put(entry.getKey(), per);
                    statements += per;
                }
            }
            out.append(String.format(Locale.ROOT, "| Statements executed (server log, `log_statement = all`) "
                    + "| %.2f |%n", statements));
            if (statementsTracked) {
                double tracked = 0;
                for (String query : loaded.callsByStatement.keySet()) {
                    long inWindow = loaded.callsByStatement.get(query)
                            - before.callsByStatement.getOrDefault(query, 0L);
                    long idleWindow = idle.callsByStatement.getOrDefault(query, 0L)
                            - loaded.callsByStatement.get(query);
                    tracked += (inWindow - idleWindow) / (double) sample;
                }
                out.append(String.format(Locale.ROOT, "| Statements seen by pg_stat_statements (blind to "
                        + "COMMIT when the driver runs it as a prepared statement) | %.2f |%n", tracked));
            }
            if (loaded.segmentsIn >= 0 && before.segmentsIn >= 0 && idle.segmentsIn >= 0) {
                long segments = (loaded.segmentsIn - before.segmentsIn) - (idle.segmentsIn - loaded.segmentsIn);
                out.append(String.format(Locale.ROOT, "| Round trips (TCP data segments application → "
                        + "PostgreSQL, `ss -ti`) | %.2f |%n", segments / (double) sample));
            }
            out.append("| pgbench, for comparison | 1 statement, 1 round trip |\n");
            if (!perStatement.isEmpty()) {
                out.append("\n| Statement (server log) | Per request |\n|---|---:|\n");
                perStatement.forEach((query, per) -> out.append(String.format(Locale.ROOT, "| `%s` | %.2f |%n",
                        abbreviate(query).replace("|", "\\|"), per)));
            }
            return out.toString();
        }
    }

    private static String abbreviate(String query) {
        String flat = query.replaceAll("\\s+", " ");
        return flat.length() <= 100 ? flat : flat.substring(0, 97) + "...";
    }

    /** Statements logged between two offsets of the server log, by text, in order of first appearance. */
    private static Map<String, Long> loggedStatements(Path log, long from, long to, int excludedPid)
            throws IOException {
        Map<String, Long> counts = new LinkedHashMap<>();
        if (from < 0 || to <= from) {
            return counts;
        }
        byte[] bytes;
        try (var channel = java.nio.channels.FileChannel.open(log)) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate((int) (to - from));
            channel.read(buffer, from);
            bytes = buffer.array();
        }
        Pattern line = Pattern.compile("\\[(\\d+)\\] LOG:  (?:statement|execute [^:]*): (.*)");
        for (String text : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            Matcher m = line.matcher(text);
            if (m.find() && Integer.parseInt(m.group(1)) != excludedPid) {
                counts.merge(m.group(2).strip(), 1L, Long::sum);
            }
        }
        return counts;
    }

    private static DbCounters counters(Connection admin, boolean statementsTracked, int port, long appPid, Path log)
            throws SQLException, IOException {
        Map<String, Long> calls = new HashMap<>();
        if (statementsTracked) {
            try (Statement statement = admin.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT query, sum(calls) FROM pg_stat_statements "
                         + "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                         + "GROUP BY query")) {
                while (rows.next()) {
                    calls.merge(rows.getString(1), rows.getLong(2), Long::sum);
                }
            }
        }
        // this connection's own statements are counted too, the same number in every snapshot, so they cancel out
        // of (loaded - before) - (idle - loaded)
        return new DbCounters(calls, segmentsFromApp(port, appPid), Files.exists(log) ? Files.size(log) : -1);
    }

    /**
     * Data segments PostgreSQL received on its connections from the application (summed over the server-side
     * sockets whose peer is one of the application's sockets); -1 when {@code ss} is unavailable.
     */
    private static long segmentsFromApp(int port, long appPid) {
        try {
            Optional<String> ss = findOnPath("ss");
            if (ss.isEmpty()) {
                return -1;
            }
            // the application's client sockets to PostgreSQL: their local ports
            String clients = run(List.of(ss.get(), "-tnpH", "state", "established", "dport", "= :" + port),
                    Map.of(), 10);
            List<String> appPorts = clients.lines().filter(l -> l.contains("pid=" + appPid + ","))
                    .map(l -> l.trim().split("\\s+")).map(f -> f[2].substring(f[2].lastIndexOf(':') + 1))
                    .toList();
            String servers = run(List.of(ss.get(), "-tinH", "state", "established", "sport", "= :" + port),
                    Map.of(), 10);
            long total = 0;
            boolean fromApp = false;
            for (String line : servers.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                if (!Character.isWhitespace(line.charAt(0))) { // a socket: Recv-Q Send-Q Local Peer
                    String[] fields = line.trim().split("\\s+");
                    String peer = fields.length > 3 ? fields[3] : "";
                    fromApp = appPorts.contains(peer.substring(peer.lastIndexOf(':') + 1));
                } else if (fromApp) { // its TCP info
                    Matcher m = Pattern.compile("data_segs_in:(\\d+)").matcher(line);
                    if (m.find()) {
                        total += Long.parseLong(m.group(1));
                    }
                }
            }
            return total;
        } catch (Exception e) {
            return -1;
        }
    }

    // ---- the application as a child JVM ----

    static final class App implements AutoCloseable {

        final Process process;
        final long pid;
        final URI base;

        private App(Process process, URI base) {
            this.process = process;
            this.pid = process.pid();
            this.base = base;
        }

        static App start(Path jar, String jvmOptions, EmbeddedPostgres postgres, Path work) throws Exception {
            int apiPort = freePort();
            int uiPort = freePort();
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx1536m");
            if (!jvmOptions.isEmpty()) {
                command.addAll(Arrays.asList(jvmOptions.split("\\s+")));
            }
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                    .redirectErrorStream(true).redirectOutput(work.resolve("app.log").toFile());
            Map<String, String> env = builder.environment();
            env.put("DATASOURCES_DEFAULT_URL", postgres.jdbcUrl());
            env.put("DATASOURCES_DEFAULT_USERNAME", postgres.username());
            env.put("DATASOURCES_DEFAULT_PASSWORD", postgres.password());
            env.put("KOOPERA_JWT_SECRET", "benchmark-signing-key-long-enough-0123456789");
            env.put("KOOPERA_ADMIN_PASSWORD", PASSWORD);
            env.put("KOOPERA_DATA_DIR", work.resolve("data").toString());
            env.put("KOOPERA_API_PORT", Integer.toString(apiPort));
            env.put("MICRONAUT_SERVER_HOST", "127.0.0.1");
            env.put("KOOPERA_UI_PORT", Integer.toString(uiPort));
            env.put("KOOPERA_UI_HOST", "127.0.0.1");
            env.put("KOOPERA_AUTH_ACCESS_TOKEN_TTL", "1h");
            env.remove("JAVA_TOOL_OPTIONS");
            App app = new App(builder.start(), URI.create("http://127.0.0.1:" + apiPort));
            long started = System.nanoTime();
            try {
                app.awaitReady(work.resolve("app.log"));
            } catch (Exception e) {
                app.close();
                throw e;
            }
            System.err.printf(Locale.ROOT, "Application ready at %s in %.1f s (pid %d, log %s)%n", app.base,
                    (System.nanoTime() - started) / 1e9, app.pid, work.resolve("app.log"));
            return app;
        }

        private void awaitReady(Path log) throws Exception {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The application exited with " + process.exitValue()
                            + ", see " + log);
                }
                try {
                    HttpResponse<Void> response = http.send(HttpRequest.newBuilder(base.resolve("/health/readiness"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
            throw new IllegalStateException("The application did not become ready in " + READY_TIMEOUT + ", see "
                    + log);
        }

        /**
         * Sends {@code command} to async-profiler ({@code -Dprofiler=/path/to/libasyncProfiler.so}) in the
         * application JVM, loading it on first use; does nothing without that property.
         */
        void profile(String library, String command) throws Exception {
            if (library.isEmpty()) {
                return;
            }
            String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            // quoted, or the diagnostic command parser splits the options at their first '='
            String output = run(List.of(jcmd, Long.toString(pid), "JVMTI.agent_load", library, '"' + command + '"'),
                    Map.of(), 60);
            if (output.contains("[ERROR]") || output.contains("Exception")) {
                System.err.println("async-profiler: " + output.strip());
            }
        }

        /** The application process's resident set now, in KiB. */
        long rssKib() throws IOException {
            return status("VmRSS");
        }

        /** The application process's peak resident set since start or {@link #resetPeakRss}, in KiB. */
        long peakRssKib() throws IOException {
            return status("VmHWM");
        }

        /** Resets the kernel's peak-RSS mark of the application process (same user, Linux 4.0+). */
        void resetPeakRss() throws IOException {
            Files.writeString(Path.of("/proc/" + pid + "/clear_refs"), "5");
        }

        private long status(String field) throws IOException {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(line -> line.startsWith(field + ":"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(0L);
        }

        /** User plus system CPU time of the application JVM, in clock ticks (1/100 s). */
        long cpuTicks() throws IOException {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    record Api(HttpClient http, URI base) {

        String login(String tenant, String username) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\""
                            + PASSWORD + "\"}"));
            if (tenant != null) {
                request.header("X-Tenant", tenant);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
            if (response.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException("Login failed: " + response.statusCode() + " " + response.body());
            }
            return token.group(1);
        }

        void expect(int status, String method, String path, String token, String json) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .header("Authorization", "Bearer " + token)
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != status) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
        }
    }

    // ---- helpers ----

    private static String run(List<String> command, Map<String, String> env, int timeoutSeconds) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("Timed out: " + command);
        }
        return new String(output, StandardCharsets.UTF_8);
    }

    private static Optional<String> findPgbench() {
        Optional<String> onPath = findOnPath("pgbench");
        if (onPath.isPresent()) {
            return onPath;
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin/pgbench")).filter(Files::isExecutable)
                    .max(Path::compareTo).map(Path::toString);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Optional<String> findOnPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        for (String dir : List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin")) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
