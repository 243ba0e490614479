package eu.koopera.bench;

import eu.koopera.bench.ApiReadBenchmark.Api;
import eu.koopera.bench.ApiReadBenchmark.App;
import eu.koopera.bench.ApiReadBenchmark.WrkResult;
import eu.koopera.migrations.EmbeddedPostgres;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compares two builds or two JVM configurations of the application on the read path, interleaved, so that a
 * machine shared with other work treats both alike: both run at once on one PostgreSQL, and {@code wrk} loads them
 * in turn, A then B, B then A, for {@code -Drounds} rounds of {@code -Dduration} seconds each.
 *
 * <p>Reports per round and as medians the requests per second, p99 and, the figure that noise affects least,
 * the application's CPU time per request ({@code /proc/<pid>/stat}, user plus system).
 *
 * <p>Run after {@code ./mvnw -B -q package -DskipTests}, e.g. {@code ./mvnw -B -q -pl bench exec:exec
 * -Dbench.main=eu.koopera.bench.ApiReadComparison -Djar.a=/tmp/koopera-before.jar
 * -Dapp.jvm.b="-XX:+UseParallelGC"}. Properties: {@code jar.a}, {@code jar.b} (default: the packaged
 * {@code ui/target/koopera.jar}), {@code app.jvm.a}, {@code app.jvm.b}, {@code connections} (16),
 * {@code rounds} (6), {@code duration} (10), {@code warmup} (60, per application), {@code members} (2,000),
 * {@code path} ({@code members}: {@code GET /api/members/{id}}; {@code floor}: a path no controller serves).
 */
public final class ApiReadComparison {

    private ApiReadComparison() {
    }

    public static void main(String[] args) throws Exception {
        Path defaultJar = Path.of("../ui/target/koopera.jar");
        Path jarA = Path.of(System.getProperty("jar.a", defaultJar.toString())).toAbsolutePath().normalize();
        Path jarB = Path.of(System.getProperty("jar.b", defaultJar.toString())).toAbsolutePath().normalize();
        String jvmA = System.getProperty("app.jvm.a", "").strip();
        String jvmB = System.getProperty("app.jvm.b", "").strip();
        int connections = Integer.getInteger("connections", 16);
        int rounds = Integer.getInteger("rounds", 6);
        int duration = Integer.getInteger("duration", 10);
        int warmup = Integer.getInteger("warmup", 60);
        int members = Integer.getInteger("members", 2_000);
        boolean floor = "floor".equals(System.getProperty("path", "members"));
        String wrk = ApiReadBenchmark.findOnPath("wrk").orElseThrow(() -> new IllegalStateException(
                "wrk not found on PATH: apt-get install -y wrk"));

        Path work = Path.of("target/api-compare").toAbsolutePath();
        ApiReadBenchmark.deleteRecursively(work);
        Files.createDirectories(work.resolve("a"));
        Files.createDirectories(work.resolve("b"));
        try (BenchDatabase database = new BenchDatabase(Path.of("target/api-read-postgres"))) {
            EmbeddedPostgres postgres = database.server();
            try (App a = App.start(jarA, jvmA, postgres, work.resolve("a"));
                 App b = App.start(jarB, jvmB, postgres, work.resolve("b"))) {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                Api apiA = new Api(http, a.base);
                String operator = apiA.login(null, "admin");
                apiA.expect(201, "POST", "/api/platform/tenants", operator, "{\"code\":\"" + ApiReadBenchmark.TENANT
                        + "\",\"name\":\"Benchmark\",\"country\":\"LV\",\"defaultLocale\":\"lv\"}");
                apiA.expect(201, "POST", "/api/platform/tenants/" + ApiReadBenchmark.TENANT + "/users", operator,
                        "{\"username\":\"admin\",\"password\":\"" + ApiReadBenchmark.PASSWORD
                                + "\",\"roles\":[\"ASSOCIATION_ADMIN\"]}");
                String token = apiA.login(ApiReadBenchmark.TENANT, "admin");
                ApiReadBenchmark.createMembers(apiA, token, members);
                try (Connection admin = ApiReadBenchmark.superuser(postgres)) {
                    ApiReadBenchmark.execute(admin, "VACUUM ANALYZE t_" + ApiReadBenchmark.TENANT + ".member");
                }
                // both applications verify the same token: one signing key, one issuer
                Path lua = ApiReadBenchmark.writeWrkScript(work, token, floor ? 0 : members);
                for (int i = 0; i < 2; i++) {
                    ApiReadBenchmark.runWrk(wrk, lua, a.base, connections, warmup / 2, 2);
                    ApiReadBenchmark.runWrk(wrk, lua, b.base, connections, warmup / 2, 2);
                }
                List<double[]> resultsA = new ArrayList<>();
                List<double[]> resultsB = new ArrayList<>();
                StringBuilder table = new StringBuilder("| Round | A req/s | A p99 | A CPU/request | B req/s | B p99 "
                        + "| B CPU/request |\n|---:|---:|---:|---:|---:|---:|---:|\n");
                for (int round = 1; round <= rounds; round++) {
                    double[] ra;
                    double[] rb;
                    if (round % 2 == 1) {
                        ra = measure(wrk, lua, a, connections, duration);
                        rb = measure(wrk, lua, b, connections, duration);
                    } else {
                        rb = measure(wrk, lua, b, connections, duration);
                        ra = measure(wrk, lua, a, connections, duration);
                    }
                    resultsA.add(ra);
                    resultsB.add(rb);
                    table.append(String.format(Locale.ROOT, "| %d | %,.0f | %.2f ms | %.0f µs | %,.0f | %.2f ms "
                            + "| %.0f µs |%n", round, ra[0], ra[1], ra[2], rb[0], rb[1], rb[2]));
                }
                table.append(String.format(Locale.ROOT, "| median | %,.0f | %.2f ms | %.0f µs | %,.0f | %.2f ms "
                                + "| %.0f µs |%n", median(resultsA, 0), median(resultsA, 1), median(resultsA, 2),
                        median(resultsB, 0), median(resultsB, 1), median(resultsB, 2)));
                System.out.println();
                System.out.printf(Locale.ROOT, "%s, %d connections, %d rounds of %d s, %,d members%n",
                        floor ? "GET of a path no controller serves" : "GET /api/members/{id}", connections, rounds,
                        duration, members);
                System.out.printf(Locale.ROOT, "A: %s %s%nB: %s %s%n%n", jarA, jvmA, jarB, jvmB);
                System.out.print(table);
            }
        }
        System.exit(0);
    }

    /** Requests per second, p99 in ms and application CPU per request in µs of one wrk run. */
    private static double[] measure(String wrk, Path lua, App app, int connections, int seconds) throws Exception {
        long cpuBefore = app.cpuTicks();
        WrkResult result = ApiReadBenchmark.runWrk(wrk, lua, app.base, connections, seconds, 2);
        long ticks = app.cpuTicks() - cpuBefore;
        return new double[]{result.requestsPerSecond(), result.p99Millis(),
                result.requests() == 0 ? 0 : ticks * 10_000.0 / result.requests()};
    }

    private static double median(List<double[]> results, int column) {
        double[] values = results.stream().mapToDouble(r -> r[column]).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
