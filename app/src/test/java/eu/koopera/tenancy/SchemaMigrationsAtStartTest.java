package eu.koopera.tenancy;

import eu.koopera.migrations.EmbeddedPostgres;
import eu.koopera.support.IntegrationTest;
import eu.koopera.support.TestDatabase;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Starts whole application contexts against schemas prepared in the database beforehand. */
class SchemaMigrationsAtStartTest {

    @Test
    void aTenantThatFailsToMigrateIsMarkedFailedAndTheOthersAndThePlatformGoOn() throws SQLException {
        try (ApplicationContext first = start("RUN")) {
            first.getBean(TenantProvisioner.class).create("start_good", "Good", "LV", "lv");
        }
        registerBrokenTenant("start_broken");

        try (ApplicationContext context = start("RUN")) {
            TenantRepository tenants = context.getBean(TenantRepository.class);
            Tenant broken = tenants.findByCode("start_broken").orElseThrow();
            Tenant good = tenants.findByCode("start_good").orElseThrow();

            assertThat(broken.migrationStatus()).isEqualTo(MigrationStatus.FAILED);
            assertThat(broken.migrationError()).contains("member");
            assertThat(good.migrationStatus()).isEqualTo(MigrationStatus.CURRENT);
            assertThat(context.getBean(SchemaMigrations.class).lastReport().failed()).isPositive();
        } finally {
            removeTenant("start_broken");
        }
    }

    @Test
    void secondStartIsANoOpForCurrentSchemas() throws SQLException {
        String version;
        try (ApplicationContext first = start("RUN")) {
            version = first.getBean(TenantProvisioner.class).create("start_rerun", "Rerun", "LT", "lt")
                    .schemaVersion();
        }
        int changeSets = count("SELECT count(*) FROM t_start_rerun.databasechangelog");

        try (ApplicationContext second = start("RUN")) {
            Tenant tenant = second.getBean(TenantRepository.class).findByCode("start_rerun").orElseThrow();
            assertThat(tenant.schemaVersion()).isEqualTo(version);
            assertThat(tenant.migrationStatus()).isEqualTo(MigrationStatus.CURRENT);
        }
        assertThat(count("SELECT count(*) FROM t_start_rerun.databasechangelog")).isEqualTo(changeSets);
    }

    @Test
    void checkModeMigratesNothingAndMarksSchemasThatAreBehind() throws SQLException {
        try (ApplicationContext first = start("RUN")) {
            first.getBean(TenantProvisioner.class).create("start_behind", "Behind", "LV", "lv");
        }
        execute("DELETE FROM t_start_behind.databasechangelog WHERE id = 'create-member'");

        try (ApplicationContext context = start("CHECK")) {
            Tenant tenant = context.getBean(TenantRepository.class).findByCode("start_behind").orElseThrow();
            assertThat(tenant.migrationStatus()).isEqualTo(MigrationStatus.FAILED);
            assertThat(tenant.migrationError()).contains("behind");
        }
        assertThat(count("SELECT count(*) FROM t_start_behind.databasechangelog WHERE id = 'create-member'"))
                .isZero();
        removeTenant("start_behind");
    }

    @Test
    void checkModeRefusesToStartOnAPlatformSchemaThatIsBehind() throws SQLException {
        try (ApplicationContext ignored = start("RUN")) {
            execute("UPDATE platform.databasechangelog SET id = 'renamed-for-test' WHERE id = 'create-platform-audit-log'");
        }
        try {
            assertThatThrownBy(() -> start("CHECK")).hasStackTraceContaining("platform and shared schemas are behind");
        } finally {
            execute("UPDATE platform.databasechangelog SET id = 'create-platform-audit-log' WHERE id = 'renamed-for-test'");
        }
    }

    private static ApplicationContext start(String mode) {
        EmbeddedPostgres db = TestDatabase.server();
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", db.jdbcUrl());
        properties.put("datasources.default.username", db.username());
        properties.put("datasources.default.password", db.password());
        properties.put("koopera.jwt.secret", IntegrationTest.JWT_SECRET);
        properties.put("koopera.admin-password", IntegrationTest.OPERATOR_PASSWORD);
        properties.put("koopera.migrations.mode", mode);
        properties.put("koopera.ui.enabled", false);
        properties.put("micronaut.server.port", -1);
        return ApplicationContext.builder().properties(properties).start();
    }

    /** A registered tenant whose schema already holds a table the changelog wants to create. */
    private static void registerBrokenTenant(String code) throws SQLException {
        execute("CREATE SCHEMA t_" + code + " AUTHORIZATION " + EmbeddedPostgres.APPLICATION_ROLE);
        execute("CREATE TABLE t_" + code + ".member (unexpected text)");
        execute("ALTER TABLE t_" + code + ".member OWNER TO " + EmbeddedPostgres.APPLICATION_ROLE);
        execute("INSERT INTO platform.tenant (code, name, country, default_locale, status, schema_name, "
                + "migration_status) VALUES ('" + code + "', 'Broken', 'LV', 'lv', 'ACTIVE', 't_" + code
                + "', 'CURRENT')");
    }

    private static void removeTenant(String code) throws SQLException {
        execute("DELETE FROM platform.tenant WHERE code = '" + code + "'");
        execute("DROP SCHEMA IF EXISTS t_" + code + " CASCADE");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static int count(String sql) throws SQLException {
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
