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
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/**
 * Creates a tenant: registry row, schema and tables, all or nothing.
 *
 * <p>The registry row is written first, so that of two concurrent requests for one code only one goes on. The
 * schema must not exist yet; a leftover schema is never adopted. If anything after that fails, the schema and the
 * row are removed again.
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
     * Registers the tenant and creates its schema.
     *
     * @throws TenantExistsException when the code or its schema is taken
     */
    public Tenant create(String code, String name, String country, String defaultLocale) {
        String schema = TenantCodes.schemaFor(code);
        Instant now = Instant.now();
        Tenant registered;
        try {
            registered = tenants.save(new Tenant(null, code, name, country, defaultLocale, TenantStatus.ACTIVE,
                    schema, MigrationStatus.PENDING, null, null, null, now, now));
        } catch (DataAccessException e) {
            if (tenants.existsByCode(code)) {
                throw new TenantExistsException(code);
            }
            throw e;
        }
        boolean schemaCreated = false;
        try (Connection connection = dataSource.getConnection()) {
            schemaCreated = createSchema(connection, schema);
            SchemaVersion version = migrator.migrate(connection, SchemaMigrator.TENANT_CHANGELOG, schema);
            Tenant created = tenants.update(registered.withMigration(MigrationStatus.CURRENT, null, version.label(),
                    Instant.now()));
            registry.evict(code);
            return created;
        } catch (SQLException | RuntimeException e) {
            undo(registered, schemaCreated);
            if (e instanceof TenantExistsException exists) {
                throw exists;
            }
            throw new IllegalStateException("Could not create tenant " + code, e);
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

    private void undo(Tenant registered, boolean dropSchema) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
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
