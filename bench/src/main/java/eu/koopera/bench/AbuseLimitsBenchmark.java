package eu.koopera.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

/**
 * The abuse limits of issue 14 under load, against the packaged application in a child JVM, each measured next to
 * the same probes on the idle application in the same run (the physical limit of this machine):
 *
 * <ol>
 *   <li>{@code -Dlogins} (200) parallel sign-ins of one administrator: peak RSS growth of the application process
 *       (the kernel's high-water mark, reset before the burst) and {@code /health} latency throughout;</li>
 *   <li>{@code -Dexports} (100) parallel XLSX exports of a register of {@code -Dmembers} (5,000) members:
 *       {@code /health} latency and ordinary reads ({@code GET /api/members/{id}}) throughout.</li>
 * </ol>
 *
 * <p>Probes run every {@code -Dprobe} ms (20) from two threads of their own, one request at a time, so that they
 * measure the server's answer time, not the client's queue.
 *
 * <p>Run: {@code ./mvnw -B -q package -DskipTests && java -cp <bench classpath>
 * eu.koopera.bench.AbuseLimitsBenchmark} (see docs/benchmarks.md).
 */
public final class AbuseLimitsBenchmark {

    private static final String TENANT = ApiReadBenchmark.TENANT;
    private static final String PASSWORD = ApiReadBenchmark.PASSWORD;

    private AbuseLimitsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int logins = Integer.getInteger("logins", 200);
        int exports = Integer.getInteger("exports", 100);
        int members = Integer.getInteger("members", 5_000);
        int probeMillis = Integer.getInteger("probe", 20);
        Path jar = Path.of(System.getProperty("jar", "../ui/target/koopera.jar")).toAbsolutePath().normalize();
        String appJvm = System.getProperty("app.jvm", "").strip();
        Path work = Path.of("target/abuse-limits").toAbsolutePath();
        ApiReadBenchmark.deleteRecursively(work);
        Files.createDirectories(work);

        try (BenchDatabase database = new BenchDatabase(Path.of("target/abuse-limits-postgres"));
             ApiReadBenchmark.App app = ApiReadBenchmark.App.start(jar, appJvm, database.server(), work)) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            ApiReadBenchmark.Api api = new ApiReadBenchmark.Api(http, app.base);
            String operator = api.login(null, "admin");
            api.expect(201, "POST", "/api/platform/tenants", operator, "{\"code\":\"" + TENANT
                    + "\",\"name\":\"Benchmark\",\"country\":\"LV\",\"defaultLocale\":\"lv\"}");
            api.expect(201, "POST", "/api/platform/tenants/" + TENANT + "/users", operator,
                    "{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"ASSOCIATION_ADMIN\"]}");
            String token = api.login(TENANT, "admin");
            importMembers(http, app.base, token, members);
            List<Long> ids = memberIds(http, app.base, token);

            // warm-up: JIT, pool and caches, so that the idle figures are not those of a cold JVM
            for (int i = 0; i < 300; i++) {
                get(http, app.base, "/health", null);
                get(http, app.base, "/api/members/" + ids.get(i % ids.size()), token);
            }
            for (int i = 0; i < 6; i++) {
                get(http, app.base, "/api/members/export?format=xlsx", token);
            }
            for (int i = 0; i < 10; i++) {
                api.login(TENANT, "admin");
            }

            Probe idleHealth = Probe.start(http, app.base, "/health", null, probeMillis);
            Probe idleRead = Probe.start(http, app.base, () -> "/api/members/" + random(ids), token, probeMillis);
            Thread.sleep(5_000);
            idleHealth.stop();
            idleRead.stop();

            // 1. parallel logins
            long rssBefore = app.rssKib();
            app.resetPeakRss();
            Probe loginHealth = Probe.start(http, app.base, "/health", null, probeMillis);
            long started = System.nanoTime();
            Map<Integer, Integer> loginStatuses = burst(logins, i -> post(http, app.base, "/api/auth/login",
                    "{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}", TENANT));
            double loginSeconds = (System.nanoTime() - started) / 1e9;
            loginHealth.stop();
            long rssPeak = app.peakRssKib();

            // 2. parallel exports, with ordinary reads going on
            String exportToken = api.login(TENANT, "admin");
            Probe exportHealth = Probe.start(http, app.base, "/health", null, probeMillis);
            Probe exportRead = Probe.start(http, app.base, () -> "/api/members/" + random(ids), exportToken,
                    probeMillis);
            started = System.nanoTime();
            Map<Integer, Integer> exportStatuses = burst(exports, i -> get(http, app.base,
                    "/api/members/export?format=xlsx", exportToken));
            double exportSeconds = (System.nanoTime() - started) / 1e9;
            exportHealth.stop();
            exportRead.stop();

            System.out.println();
            System.out.printf(Locale.ROOT, "Abuse limits, %,d members, %d parallel logins, %d parallel XLSX exports,"
                    + " probes every %d ms, app JVM %s%n", members, logins, exports, probeMillis,
                    appJvm.isEmpty() ? "(defaults)" : appJvm);
            System.out.println();
            System.out.println("| Measurement | Idle (same run) | Under load | Load / idle |");
            System.out.println("|---|---:|---:|---:|");
            row("`/health` p50 during the logins", idleHealth.percentile(50), loginHealth.percentile(50));
            row("`/health` p99 during the logins", idleHealth.percentile(99), loginHealth.percentile(99));
            row("`/health` max during the logins", idleHealth.max(), loginHealth.max());
            row("`/health` p50 during the exports", idleHealth.percentile(50), exportHealth.percentile(50));
            row("`/health` p99 during the exports", idleHealth.percentile(99), exportHealth.percentile(99));
            row("`/health` max during the exports", idleHealth.max(), exportHealth.max());
            row("Member read p50 during the exports", idleRead.percentile(50), exportRead.percentile(50));
            row("Member read p99 during the exports", idleRead.percentile(99), exportRead.percentile(99));
            row("Member read max during the exports", idleRead.max(), exportRead.max());
            System.out.println();
            System.out.printf(Locale.ROOT, "Logins: %s in %.1f s; RSS %,d MiB before, peak %,d MiB (+%,d MiB); "
                            + "probe errors %d%n", loginStatuses, loginSeconds, rssBefore / 1024, rssPeak / 1024,
                    (rssPeak - rssBefore) / 1024, loginHealth.errors());
            System.out.printf(Locale.ROOT, "Exports: %s in %.1f s; probe errors %d (health), %d (reads)%n",
                    exportStatuses, exportSeconds, exportHealth.errors(), exportRead.errors());
        }
        System.exit(0);
    }

    private static void row(String label, double idle, double load) {
        System.out.printf(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f× |%n", label, idle, load,
                idle == 0 ? 0 : load / idle);
    }

    private static long random(List<Long> ids) {
        return ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
    }

    private static void importMembers(HttpClient http, URI base, String token, int members) throws Exception {
        StringBuilder csv = new StringBuilder("code;name;kind;region;population;website\n");
        for (int i = 0; i < members; i++) {
            csv.append("M").append(i).append(";Member ").append(i).append(";MUNICIPALITY;Region ").append(i % 5)
                    .append(';').append(1000 + i).append(";https://example.org/").append(i).append('\n');
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/api/members/import"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Import answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static List<Long> memberIds(HttpClient http, URI base, String token) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(base.resolve("/api/members?size=100"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        List<Long> ids = new ArrayList<>();
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(page.body());
        while (id.find()) {
            ids.add(Long.parseLong(id.group(1)));
        }
        return ids;
    }

    /** Sends {@code count} requests at once and counts their statuses (-1: no answer). */
    private static Map<Integer, Integer> burst(int count, IntFunction<Integer> request) {
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                int index = i;
                answers.add(CompletableFuture.supplyAsync(() -> request.apply(index), pool));
            }
            Map<Integer, Integer> statuses = new TreeMap<>();
            answers.forEach(answer -> statuses.merge(answer.join(), 1, Integer::sum));
            return statuses;
        }
    }

    private static int get(HttpClient http, URI base, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(120));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(http, request.build());
    }

    private static int post(HttpClient http, URI base, String path, String json, String tenant) {
        return send(http, HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json").header("X-Tenant", tenant)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static int send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    /** One request at a time, every {@code intervalMillis}, on a thread of its own; latencies in ms. */
    private static final class Probe {
        private final List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        private final Map<String, Integer> failures = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private Thread thread;

        static Probe start(HttpClient http, URI base, String path, String token, int intervalMillis) {
            return start(http, base, () -> path, token, intervalMillis);
        }

        static Probe start(HttpClient http, URI base, java.util.function.Supplier<String> path, String token,
                           int intervalMillis) {
            Probe probe = new Probe();
            probe.thread = Thread.ofPlatform().start(() -> {
                while (probe.running.get()) {
                    long started = System.nanoTime();
                    int status = get(http, base, path.get(), token);
                    double millis = (System.nanoTime() - started) / 1e6;
                    if (status == 200) {
                        probe.latencies.add(millis);
                    } else {
                        probe.failures.merge(Integer.toString(status), 1, Integer::sum);
                    }
                    try {
                        Thread.sleep(Math.max(0, intervalMillis - (long) millis));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            return probe;
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }

        double percentile(int p) {
            List<Double> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1,
                    (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
        }

        double max() {
            return latencies.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        }

        int errors() {
            return failures.values().stream().mapToInt(Integer::intValue).sum();
        }
    }
}
