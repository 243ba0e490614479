package eu.koopera.tenancy;

import eu.koopera.migrations.SchemaMigrator;
import eu.koopera.migrations.SchemaVersion;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;

/**
 * Creates a tenant: registry row, schema and tables, all or nothing.
 *
 * <p>The registry row is written first, so that of two concurrent requests for one code only one goes on. The
 * schema must not exist yet; a leftover schema is never adopted. If anything after that fails, the schema and the
 * row are removed again.
 *
 * <p>A new tenant is {@link TenantStatus#PROVISIONING} until its first administrator exists ({@link #activate}), so
 * a creation cut short — by a crash, a kill or a failure between the requests — never leaves an active tenant
 * nobody can administer. Its creation holds a PostgreSQL advisory lock, which dies with the connection of a crashed
 * process: a retry that gets the lock knows nobody is working on the tenant, and either completes it (the same
 * tenant, its schema current: the retry answers with it) or removes its remains and creates it afresh.
 */
@Singleton
public class TenantProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TenantProvisioner.class);

    private final DataSource dataSource;
    private final TenantRepository tenants;
    private final TenantRegistry registry;
    private final SchemaMigrator migrator = new SchemaMigrator();

    public TenantProvisioner(DataSource dataSource, TenantRepository tenants, TenantRegistry registry) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.tenants = tenants;
        this.registry = registry;
    }

    /**
     * Registers the tenant and creates its schema; the tenant stays {@link TenantStatus#PROVISIONING} until
     * {@link #activate} is called for its first administrator.
     *
     * @throws TenantExistsException when the code or its schema is taken, or the tenant is being created right now
     */
    public Tenant create(String code, String name, String country, String defaultLocale) {
        try (Connection lock = dataSource.getConnection()) {
            if (!advisoryLock(lock, "pg_try_advisory_lock", code)) {
                throw new TenantExistsException(code);
            }
            try {
                Optional<Tenant> existing = tenants.findByCode(code);
                if (existing.isPresent()) {
                    Tenant found = existing.get();
                    if (found.status() != TenantStatus.PROVISIONING) {
                        throw new TenantExistsException(code);
                    }
                    if (found.migrationStatus() == MigrationStatus.CURRENT) {
                        if (found.name().equals(name) && found.country().equals(country)
                                && found.defaultLocale().equals(defaultLocale)) {
                            return found; // the retry of a creation that was done but for its administrator
                        }
                        throw new TenantExistsException(code);
                    }
                    LOG.warn("Removing the remains of an interrupted creation of tenant {}", code);
                    undo(lock, found, true);
                }
                return provision(lock, code, name, country, defaultLocale);
            } finally {
                release(lock, code);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create tenant " + code, e);
        }
    }

    /**
     * Lets the tenant's users in once its first administrator exists; a tenant already active or suspended is left
     * as it is.
     */
    public Tenant activate(Tenant tenant) {
        if (tenant.status() != TenantStatus.PROVISIONING) {
            return tenant;
        }
        Tenant active = registry.update(tenant.withDetails(tenant.name(), TenantStatus.ACTIVE, Instant.now()));
        LOG.info("Tenant {} is active: its first administrator exists", tenant.code());
        return active;
    }

    /**
     * Creates the row, then the schema and its tables on {@code connection} — the one that holds the lock, so that
     * a creation needs no more connections at once than before the lock existed (one of its own, one for the
     * registry).
     */
    private Tenant provision(Connection connection, String code, String name, String country,
                             String defaultLocale) {
        String schema = TenantCodes.schemaFor(code);
        Instant now = Instant.now();
        Tenant registered;
        try {
            registered = tenants.save(new Tenant(null, code, name, country, defaultLocale,
                    TenantStatus.PROVISIONING, schema, MigrationStatus.PENDING, null, null, null, now, now));
        } catch (DataAccessException e) {
            if (tenants.existsByCode(code)) {
                throw new TenantExistsException(code);
            }
            throw e;
        }
        boolean schemaCreated = false;
        try {
            schemaCreated = createSchema(connection, schema);
            SchemaVersion version = migrator.migrate(connection, SchemaMigrator.TENANT_CHANGELOG, schema);
            Tenant created = tenants.update(registered.withMigration(MigrationStatus.CURRENT, null, version.label(),
                    Instant.now()));
            registry.evict(code);
            return created;
        } catch (SQLException | RuntimeException e) {
            undo(connection, registered, schemaCreated);
            if (e instanceof TenantExistsException exists) {
                throw exists;
            }
            throw new IllegalStateException("Could not create tenant " + code, e);
        }
    }

    /**
     * Releases the lock, ending a transaction a failed migration may have left open first; if that fails, the
     * connection is aborted rather than returned to the pool with the lock still held.
     */
    private static void release(Connection connection, String code) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            advisoryLock(connection, "pg_advisory_unlock", code);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not release the creation lock of tenant {}; closing its connection", code, e);
            try {
                connection.abort(Runnable::run);
            } catch (SQLException ignored) {
                // the connection is gone either way, and the lock with it
            }
        }
    }

    /** Takes or releases the session-level advisory lock that guards the creation of {@code code}. */
    private static boolean advisoryLock(Connection connection, String function, String code) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + function + "(hashtext(?))")) {
            statement.setString(1, "koopera.tenant-creation:" + code);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static boolean createSchema(Connection connection, String schema) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA \"" + schema + "\"");
            return true;
        } catch (SQLException e) {
            if ("42P06".equals(e.getSQLState())) {
                throw new TenantExistsException(schema);
            }
            throw e;
        }
    }

    private void undo(Connection connection, Tenant registered, boolean dropSchema) {
        try (Statement statement = connection.createStatement()) {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            if (dropSchema) {
                statement.execute("DROP SCHEMA IF EXISTS \"" + registered.schemaName() + "\" CASCADE");
            }
            tenants.deleteById(registered.id());
            registry.evict(registered.code());
        } catch (SQLException | RuntimeException e) {
            LOG.error("Could not undo the partial creation of tenant {}", registered.code(), e);
        }
    }

    /** The code, or the schema it maps to, is already taken. */
    public static final class TenantExistsException extends RuntimeException {
        public TenantExistsException(String code) {
            super("Tenant or schema already exists: " + code, null, false, false);
        }
    }
}
