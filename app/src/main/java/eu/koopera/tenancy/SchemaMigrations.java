package eu.koopera.tenancy;

import eu.koopera.migrations.MigrationException;
import eu.koopera.migrations.SchemaMigrator;
import eu.koopera.migrations.SchemaVersion;
import io.micronaut.context.annotation.Context;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.annotation.PostConstruct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Brings the {@code platform} schema and every active tenant schema to the changelogs' versions when the
 * application starts, before it serves anything. A tenant whose migration fails is marked FAILED with the error
 * and the others go on; the platform still starts. In CHECK mode nothing is migrated: a platform schema that is
 * behind stops the start, a tenant schema that is behind is marked FAILED.
 */
@Context
public class SchemaMigrations {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);
    private static final int MAX_ERROR_LENGTH = 2_000;

    private final DataSource dataSource;
    private final TenantRepository tenants;
    private final MigrationSettings settings;
    private final SchemaMigrator migrator = new SchemaMigrator();
    private volatile MigrationReport lastReport = new MigrationReport(0, 0, 0);

    public SchemaMigrations(DataSource dataSource, TenantRepository tenants, MigrationSettings settings) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.tenants = tenants;
        this.settings = settings;
    }

    /** The tenants whose schemas are kept current: the active ones and those waiting for their administrator. */
    private List<Tenant> kept() {
        return java.util.stream.Stream.concat(tenants.findByStatusOrderByCode(TenantStatus.ACTIVE).stream(),
                        tenants.findByStatusOrderByCode(TenantStatus.PROVISIONING).stream())
                .sorted(java.util.Comparator.comparing(Tenant::code)).toList();
    }

    @PostConstruct
    void migrateAtStart() {
        long started = System.nanoTime();
        requireUnprivilegedRole();
        if (settings.mode() == MigrationSettings.Mode.RUN) {
            migratePlatform();
            lastReport = migrateTenants(kept());
        } else {
            checkPlatform();
            lastReport = checkTenants(kept());
        }
        LOG.info("Schemas {} in {} ms: {} tenants current, {} failed", settings.mode() == MigrationSettings.Mode.RUN
                        ? "migrated" : "checked", (System.nanoTime() - started) / 1_000_000,
                lastReport.current(), lastReport.failed());
    }

    /** What the last run at start found. */
    public MigrationReport lastReport() {
        return lastReport;
    }

    /** Migrates one tenant's schema now and records the outcome in the registry. */
    public Tenant migrate(Tenant tenant) {
        SchemaVersion version;
        // the migration's connection goes back before the registry is updated: with a pool no larger than the
        // migration concurrency, holding it while asking for a second one would starve every worker
        try (Connection connection = dataSource.getConnection()) {
            version = migrator.migrate(connection, SchemaMigrator.TENANT_CHANGELOG, tenant.schemaName());
        } catch (SQLException | MigrationException e) {
            LOG.error("Migration of tenant {} failed", tenant.code(), e);
            return tenants.update(tenant.withMigration(MigrationStatus.FAILED, truncate(e.getMessage()), null,
                    Instant.now()));
        }
        return tenants.update(tenant.withMigration(MigrationStatus.CURRENT, null, version.label(), Instant.now()));
    }

    private void migratePlatform() {
        try (Connection connection = dataSource.getConnection()) {
            SchemaVersion version = migrator.migrate(connection, SchemaMigrator.PLATFORM_CHANGELOG,
                    SchemaMigrator.PLATFORM_SCHEMA);
            LOG.info("Platform schema at {}", version.label());
            version = migrator.migrate(connection, SchemaMigrator.SHARED_CHANGELOG, SchemaMigrator.SHARED_SCHEMA);
            LOG.info("Shared schema at {}", version.label());
        } catch (SQLException e) {
            throw new MigrationException("Cannot migrate the platform and shared schemas", e);
        }
    }

    /**
     * Row-level security does not bind superusers and {@code BYPASSRLS} roles, so the platform refuses to serve
     * through one: the shared schema's policies would protect nothing.
     */
    private void requireUnprivilegedRole() {
        try (Connection connection = dataSource.getConnection();
             java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery(
                     "SELECT current_user, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")) {
            if (rows.next() && (rows.getBoolean(2) || rows.getBoolean(3))) {
                throw new IllegalStateException("The database role '" + rows.getString(1) + "' is a superuser or "
                        + "has BYPASSRLS, so row-level security would not protect data shared across associations. "
                        + "Connect as a role that has neither (it may own the schemas).");
            }
        } catch (SQLException e) {
            throw new MigrationException("Cannot check the database role", e);
        }
    }

    private MigrationReport migrateTenants(List<Tenant> active) {
        ExecutorService workers = Executors.newFixedThreadPool(settings.concurrency(),
                Thread.ofPlatform().name("tenant-migration-", 1).factory());
        try {
            List<Future<Tenant>> runs = new ArrayList<>();
            for (Tenant tenant : active) {
                runs.add(workers.submit(() -> migrate(tenant)));
            }
            int current = 0;
            int failed = 0;
            for (Future<Tenant> run : runs) {
                if (run.get().migrationStatus() == MigrationStatus.CURRENT) {
                    current++;
                } else {
                    failed++;
                }
            }
            return new MigrationReport(active.size(), current, failed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while migrating tenants", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Tenant migration crashed", e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }

    private void checkPlatform() {
        try (Connection connection = dataSource.getConnection()) {
            List<String> pending = new ArrayList<>(migrator.pendingChangeSets(connection,
                    SchemaMigrator.PLATFORM_CHANGELOG, SchemaMigrator.PLATFORM_SCHEMA));
            pending.addAll(migrator.pendingChangeSets(connection, SchemaMigrator.SHARED_CHANGELOG,
                    SchemaMigrator.SHARED_SCHEMA));
            if (!pending.isEmpty()) {
                throw new IllegalStateException("The platform and shared schemas are behind by " + pending.size()
                        + " change sets; run the migration job (java -jar koopera.jar migrate) first");
            }
        } catch (SQLException e) {
            throw new MigrationException("Cannot check the platform schema", e);
        }
    }

    private MigrationReport checkTenants(List<Tenant> active) {
        int current = 0;
        try (Connection connection = dataSource.getConnection()) {
            for (Tenant tenant : active) {
                List<String> pending = migrator.pendingChangeSets(connection, SchemaMigrator.TENANT_CHANGELOG,
                        tenant.schemaName());
                if (pending.isEmpty()) {
                    current++;
                } else if (tenant.migrationStatus() != MigrationStatus.FAILED) {
                    tenants.update(tenant.withMigration(MigrationStatus.FAILED,
                            "Schema is behind by " + pending.size() + " change sets", null, Instant.now()));
                }
            }
        } catch (SQLException e) {
            throw new MigrationException("Cannot check tenant schemas", e);
        }
        return new MigrationReport(active.size(), current, active.size() - current);
    }

    private static String truncate(String message) {
        String text = message == null ? "unknown error" : message;
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }

    /**
     * Outcome of migrating or checking the tenant schemas.
     *
     * @param tenants how many active tenants there were
     * @param current how many ended current
     * @param failed  how many failed
     */
    public record MigrationReport(int tenants, int current, int failed) {
    }
}
