package eu.koopera.migrations;

import liquibase.Scope;
import liquibase.ScopeManager;
import liquibase.ThreadLocalScopeManager;
import liquibase.ChecksumVersion;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.command.CommandScope;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Applies a Liquibase changelog to one PostgreSQL schema over a connection the caller owns.
 *
 * <p>Safe to call for different schemas from several threads at once: each run holds a PostgreSQL advisory lock
 * on its schema for the whole run, so two processes never migrate the same schema together, and a Liquibase lock
 * row left set by a crashed or reset run is cleared under that lock instead of blocking the next start for
 * minutes. Liquibase's scope is made thread-local so that parallel runs do not share state.
 */
public final class SchemaMigrator {

    /** Changelog of the shared {@code platform} schema. */
    public static final String PLATFORM_CHANGELOG = "db/platform/changelog.xml";
    /** Changelog applied to every tenant schema. */
    public static final String TENANT_CHANGELOG = "db/tenant/changelog.xml";
    /** The infrastructure schema's name. */
    public static final String PLATFORM_SCHEMA = "platform";
    /** Changelog of the {@code shared} schema: data of several associations, under row-level security. */
    public static final String SHARED_CHANGELOG = "db/shared/changelog.xml";
    /** The schema of data that belongs to several associations. */
    public static final String SHARED_SCHEMA = "shared";

    private static final Pattern SCHEMA_NAME = Pattern.compile("^[a-z][a-z0-9_]{0,62}$");
    private static final int ADVISORY_LOCK_CLASS = 0x4B4F4F50; // "KOOP"

    private final ResourceAccessor resources;
    private final ScopeManager scopeManager;

    public SchemaMigrator() {
        this.resources = new ClassLoaderResourceAccessor(SchemaMigrator.class.getClassLoader());
        this.scopeManager = new ThreadLocalScopeManager();
    }

    /**
     * Creates the schema if needed and brings it up to the changelog's last change set.
     *
     * @param connection an open connection; its search_path is restored afterwards
     * @param changelog  classpath location of the changelog
     * @param schema     a plain lower-case schema name
     * @return the schema's version after the run
     */
    public SchemaVersion migrate(Connection connection, String changelog, String schema) {
        requireSchemaName(schema);
        try {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            String searchPath;
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT current_setting('search_path')")) {
                rows.next();
                searchPath = rows.getString(1);
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + quote(schema));
            }
            lock(connection, schema);
            try {
                useSchema(connection, schema);
                clearStaleLiquibaseLock(connection, schema);
                runLiquibase(connection, changelog, schema);
                return currentVersion(connection, schema);
            } finally {
                // Liquibase keeps its lock services in a process-wide factory; with other schemas migrating in
                // parallel a run was seen leaving its lock row set. Under the advisory lock a set row is ours.
                clearStaleLiquibaseLock(connection, schema);
                unlock(connection, schema);
                // pooled connections must not keep a schema in their session: the tenancy binding is per transaction
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT set_config('search_path', ?, false)")) {
                    statement.setString(1, searchPath);
                    statement.execute();
                }
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new MigrationException("Migration of schema " + schema + " failed: " + e.getMessage(), e);
        }
    }

    /** The version a schema is at now, read from Liquibase's change log table. */
    public SchemaVersion currentVersion(Connection connection, String schema) throws SQLException {
        requireSchemaName(schema);
        if (!tableExists(connection, schema, "databasechangelog")) {
            return SchemaVersion.EMPTY;
        }
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id, (SELECT count(*) FROM " + quote(schema)
                     + ".databasechangelog) FROM " + quote(schema)
                     + ".databasechangelog ORDER BY orderexecuted DESC LIMIT 1")) {
            return rows.next() ? new SchemaVersion(rows.getString(1), rows.getInt(2)) : SchemaVersion.EMPTY;
        }
    }

    /**
     * Ids of the change sets in {@code changelog} that {@code schema} has not applied yet, in changelog order.
     * Empty when the schema is current.
     */
    public List<String> pendingChangeSets(Connection connection, String changelog, String schema) throws SQLException {
        Set<String> applied = new HashSet<>();
        if (tableExists(connection, schema, "databasechangelog")) {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT id FROM " + quote(schema) + ".databasechangelog")) {
                while (rows.next()) {
                    applied.add(rows.getString(1));
                }
            }
        }
        return changeSetIds(changelog).stream().filter(id -> !applied.contains(id)).toList();
    }

    /** Ids of all change sets in a changelog, in order. */
    public List<String> changeSetIds(String changelog) {
        return inLiquibaseScope(() -> {
            DatabaseChangeLog parsed = ChangeLogParserFactory.getInstance().getParser(changelog, resources)
                    .parse(changelog, new ChangeLogParameters(), resources);
            return parsed.getChangeSets().stream().map(ChangeSet::getId).toList();
        });
    }

    /**
     * A fingerprint of every change set a changelog includes (ids and Liquibase checksums), for knowing whether
     * generated code is stale.
     */
    public String fingerprint(String changelog) {
        return inLiquibaseScope(() -> {
            DatabaseChangeLog parsed = ChangeLogParserFactory.getInstance().getParser(changelog, resources)
                    .parse(changelog, new ChangeLogParameters(), resources);
            StringBuilder text = new StringBuilder();
            for (ChangeSet changeSet : parsed.getChangeSets()) {
                text.append(changeSet.getFilePath()).append(':').append(changeSet.getId()).append(':')
                        .append(changeSet.generateCheckSum(ChecksumVersion.latest())).append('\n');
            }
            return text.toString();
        });
    }

    private void runLiquibase(Connection connection, String changelog, String schema) {
        inLiquibaseScope(() -> {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            database.setDefaultSchemaName(schema);
            database.setLiquibaseSchemaName(schema);
            new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
                    .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                    .execute();
            return null;
        });
    }

    private <T> T inLiquibaseScope(LiquibaseWork<T> work) {
        Scope.setScopeManager(scopeManager);
        Map<String, Object> values = Map.of(
                Scope.Attr.resourceAccessor.name(), resources,
                Scope.Attr.ui.name(), new LoggerUIService(),
                "liquibase.analytics.enabled", false,
                "liquibase.showBanner", false,
                "liquibase.shouldSnapshotData", false,
                "liquibase.showSummaryOutput", "LOG");
        try {
            return Scope.child(values, work::run);
        } catch (MigrationException e) {
            throw e;
        } catch (Exception e) {
            Throwable cause = e.getCause() != null && e instanceof LiquibaseException ? e.getCause() : e;
            throw new MigrationException(cause.getMessage(), e);
        }
    }

    private static void useSchema(Connection connection, String schema) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT set_config('search_path', ?, false)")) {
            statement.setString(1, quote(schema));
            statement.execute();
        }
    }

    private static void clearStaleLiquibaseLock(Connection connection, String schema) throws SQLException {
        if (tableExists(connection, schema, "databasechangeloglock")) {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE " + quote(schema) + ".databasechangeloglock"
                        + " SET locked = false, lockgranted = NULL, lockedby = NULL WHERE locked");
            }
        }
    }

    private static boolean tableExists(Connection connection, String schema, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            statement.setString(1, quote(schema) + "." + table);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    private static void lock(Connection connection, String schema) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_lock(?, hashtext(?))")) {
            statement.setInt(1, ADVISORY_LOCK_CLASS);
            statement.setString(2, schema);
            statement.execute();
        }
    }

    private static void unlock(Connection connection, String schema) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?, hashtext(?))")) {
            statement.setInt(1, ADVISORY_LOCK_CLASS);
            statement.setString(2, schema);
            statement.execute();
        }
    }

    private static void requireSchemaName(String schema) {
        if (schema == null || !SCHEMA_NAME.matcher(schema).matches() || schema.startsWith("pg_")) {
            throw new IllegalArgumentException("Not a schema name Koopera manages: " + schema);
        }
    }

    private static String quote(String schema) {
        return '"' + schema + '"';
    }

    @FunctionalInterface
    private interface LiquibaseWork<T> {
        T run() throws Exception;
    }
}
