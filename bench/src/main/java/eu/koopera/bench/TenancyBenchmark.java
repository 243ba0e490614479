package eu.koopera.bench;

import eu.koopera.tenancy.SchemaMigrations;
import eu.koopera.tenancy.TenantProvisioner;
import io.micronaut.context.ApplicationContext;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Measures what the platform foundation promises: context start on an empty database, creating one tenant
 * (registry row, schema, all tenant change sets), and migrating N tenant schemas at start, both from empty
 * ("cold") and when already current ("warm"). Prints a Markdown table.
 *
 * <p>Run: {@code ./mvnw -B -q install -DskipTests && ./mvnw -B -q -pl bench exec:exec
 * -Dbench.main=eu.koopera.bench.TenancyBenchmark [-Dtenants=100]}
 */
public final class TenancyBenchmark {

    private TenancyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int tenants = Integer.getInteger("tenants", 100);
        int concurrency = Integer.getInteger("concurrency", 2);
        List<String> rows = new ArrayList<>();
        try (BenchDatabase database = new BenchDatabase(Path.of("target/bench-postgres"))) {
            Map<String, Object> settings = Map.of("koopera.migrations.concurrency", concurrency);
            long started = System.nanoTime();
            List<Double> creations = new ArrayList<>();
            try (ApplicationContext context = database.startContext(settings)) {
                rows.add(row("Context start on an empty database (platform schema migrated)", millis(started)));
                TenantProvisioner provisioner = context.getBean(TenantProvisioner.class);
                for (int i = 0; i < 20; i++) {
                    long before = System.nanoTime();
                    provisioner.create("warmup" + i, "Warm-up " + i, "LV", "lv");
                    creations.add(millis(before));
                }
            }
            Collections.sort(creations);
            rows.add(row("Create one tenant (median of 20)", creations.get(creations.size() / 2)));
            rows.add(row("Create one tenant (slowest of 20, first includes warm-up)", creations.getLast()));

            registerEmptyTenants(database, tenants);
            started = System.nanoTime();
            try (ApplicationContext context = database.startContext(settings)) {
                SchemaMigrations.MigrationReport report = context.getBean(SchemaMigrations.class).lastReport();
                rows.add(row("Start with " + tenants + " new tenant schemas to migrate (cold, concurrency "
                        + concurrency + ", " + report.failed() + " failed)", millis(started)));
            }
            started = System.nanoTime();
            try (ApplicationContext ignored = database.startContext(settings)) {
                rows.add(row("Start with " + (tenants + 20) + " tenant schemas already current (warm)",
                        millis(started)));
            }
        }
        System.out.println("| Measurement | ms |");
        System.out.println("|---|---:|");
        rows.forEach(System.out::println);
        System.exit(0);
    }

    /** Registry rows whose schemas do not exist yet: the next start creates and migrates them. */
    private static void registerEmptyTenants(BenchDatabase database, int count) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.server().jdbcUrl(),
                database.server().username(), database.server().password());
             PreparedStatement insert = connection.prepareStatement("INSERT INTO platform.tenant (code, name, "
                     + "country, default_locale, status, schema_name, migration_status) VALUES (?, ?, 'LV', 'lv', "
                     + "'ACTIVE', ?, 'PENDING')")) {
            for (int i = 0; i < count; i++) {
                insert.setString(1, "bench" + i);
                insert.setString(2, "Benchmark " + i);
                insert.setString(3, "t_bench" + i);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static double millis(long since) {
        return (System.nanoTime() - since) / 1_000_000.0;
    }

    private static String row(String what, double millis) {
        return String.format("| %s | %.0f |", what, millis);
    }
}
