package eu.koopera.tenancy;

import eu.koopera.support.Database;
import eu.koopera.support.IntegrationTest;
import eu.koopera.support.TestClient;
import eu.koopera.support.TestClient.Response;
import eu.koopera.support.TestDatabase;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database layout lets each tenant schema move to another server on its own (Citus schema-based sharding, see
 * docs/operations.md): nothing ties a {@code t_<code>} schema to another tenant's schema, and nothing in
 * {@code platform}, {@code shared} or elsewhere points into one. Plain catalog queries over every tenant schema the
 * application created; the last test plants one offender per rule in scratch schemas to prove each query can find
 * what it looks for.
 */
@MicronautTest(transactional = false)
class DistributionReadinessTest extends IntegrationTest {

    /** Every tenant schema ({@code _} escaped, so that only the prefix {@code t_} matches). */
    private static final String TENANT_SCHEMAS = "t\\_%";

    /**
     * Liquibase creates {@code databasechangelog} in each schema it migrates, without a primary key. It is written
     * only while migrating; a schema move with {@code shard_transfer_mode => 'force_logical'} copies it (see
     * docs/operations.md). Any other table without one is a finding.
     */
    private static final List<String> ALLOWED_WITHOUT_PRIMARY_KEY = List.of("databasechangelog");

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @BeforeAll
    void provisionTwoTenantsWithRows() {
        TestClient client = new TestClient(server.getURI(), json);
        for (String prefix : List.of("dista", "distb")) {
            String code = client.createTenantWithAdmin(prefix, "admin-password-123");
            String token = client.login(code, "admin", "admin-password-123");
            Response member = client.post("/api/members", Map.of("code", "RIX", "name", prefix + " Riga"),
                    bearer(token));
            assertThat(member.status()).as(member.body()).isEqualTo(201);
        }
        assertThat(rows("SELECT nspname FROM pg_namespace WHERE nspname LIKE ?", TENANT_SCHEMAS))
                .as("tenant schemas to check").hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void foreignKeysOfTenantTablesStayInsideTheirSchema() {
        assertThat(foreignKeysLeavingTenantSchemas(TENANT_SCHEMAS)).isEmpty();
    }

    @Test
    void noTableOutsideATenantSchemaHasAForeignKeyIntoOne() {
        assertThat(foreignKeysIntoTenantSchemas(TENANT_SCHEMAS)).isEmpty();
    }

    @Test
    void tenantViewsReadOnlyTablesOfTheirOwnSchema() {
        assertThat(viewsReadingOtherSchemas(TENANT_SCHEMAS)).isEmpty();
    }

    @Test
    void tenantColumnsDrawOnlyOnSequencesOfTheirOwnSchema() {
        assertThat(sequencesCrossingSchemas(TENANT_SCHEMAS)).isEmpty();
    }

    @Test
    void everyTenantTableHasAPrimaryKey() {
        assertThat(tablesWithoutPrimaryKey(TENANT_SCHEMAS))
                .filteredOn(table -> !ALLOWED_WITHOUT_PRIMARY_KEY.contains(table.substring(table.indexOf('.') + 1)))
                .isEmpty();
    }

    @Test
    void tenantFunctionsAndTriggersNameNoOtherTenantSchema() {
        assertThat(functionsAndTriggersReachingOtherTenants(TENANT_SCHEMAS)).isEmpty();
    }

    @Test
    void eachCheckFindsAnOffenderPlantedInScratchSchemas() throws SQLException {
        String scratch = "zz\\_dr\\_%";
        execute("DROP SCHEMA IF EXISTS zz_dr_a, zz_dr_b, zz_infra_dr CASCADE");
        try {
            execute("""
                    CREATE SCHEMA zz_dr_a;
                    CREATE SCHEMA zz_dr_b;
                    CREATE SCHEMA zz_infra_dr;
                    CREATE TABLE zz_dr_b.parent (id bigint PRIMARY KEY);
                    CREATE SEQUENCE zz_dr_b.counter;
                    CREATE TABLE zz_dr_a.child (id bigint PRIMARY KEY DEFAULT nextval('zz_dr_b.counter'),
                        parent_id bigint REFERENCES zz_dr_b.parent (id));
                    CREATE TABLE zz_dr_a.keyless (note text);
                    CREATE TABLE zz_infra_dr.registry (id bigint PRIMARY KEY,
                        child_id bigint REFERENCES zz_dr_a.child (id));
                    CREATE VIEW zz_dr_a.parents AS SELECT id FROM zz_dr_b.parent;
                    CREATE FUNCTION zz_dr_a.count_parents() RETURNS bigint LANGUAGE plpgsql
                        AS $$ BEGIN RETURN (SELECT count(*) FROM zz_dr_b.parent); END $$;
                    CREATE FUNCTION zz_dr_b.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
                    CREATE TRIGGER touch BEFORE INSERT ON zz_dr_a.child FOR EACH ROW EXECUTE FUNCTION zz_dr_b.touch();
                    """);

            assertThat(foreignKeysLeavingTenantSchemas(scratch)).containsExactly("zz_dr_a.child -> zz_dr_b.parent");
            assertThat(foreignKeysIntoTenantSchemas(scratch))
                    .containsExactly("zz_infra_dr.registry -> zz_dr_a.child");
            assertThat(viewsReadingOtherSchemas(scratch)).containsExactly("zz_dr_a.parents reads zz_dr_b.parent");
            assertThat(sequencesCrossingSchemas(scratch)).containsExactly("zz_dr_a.child.id uses zz_dr_b.counter");
            assertThat(tablesWithoutPrimaryKey(scratch)).containsExactly("zz_dr_a.keyless");
            assertThat(functionsAndTriggersReachingOtherTenants(scratch)).containsExactlyInAnyOrder(
                    "function zz_dr_a.count_parents names zz_dr_b",
                    "trigger touch on zz_dr_a.child calls zz_dr_b.touch");
        } finally {
            execute("DROP SCHEMA IF EXISTS zz_dr_a, zz_dr_b, zz_infra_dr CASCADE");
        }
    }

    // (a) Citus allows foreign keys from a distributed schema only to its own tables (or to reference tables).
    private static List<String> foreignKeysLeavingTenantSchemas(String tenants) {
        return rows("""
                SELECT sn.nspname || '.' || src.relname || ' -> ' || dn.nspname || '.' || dst.relname
                FROM pg_constraint fk
                JOIN pg_class src ON src.oid = fk.conrelid JOIN pg_namespace sn ON sn.oid = src.relnamespace
                JOIN pg_class dst ON dst.oid = fk.confrelid JOIN pg_namespace dn ON dn.oid = dst.relnamespace
                WHERE fk.contype = 'f' AND sn.nspname LIKE ? AND dn.oid <> sn.oid
                ORDER BY 1""", tenants);
    }

    // (b) Citus refuses any foreign key into a distributed schema from another schema (platform, shared, public...).
    private static List<String> foreignKeysIntoTenantSchemas(String tenants) {
        return rows("""
                SELECT sn.nspname || '.' || src.relname || ' -> ' || dn.nspname || '.' || dst.relname
                FROM pg_constraint fk
                JOIN pg_class src ON src.oid = fk.conrelid JOIN pg_namespace sn ON sn.oid = src.relnamespace
                JOIN pg_class dst ON dst.oid = fk.confrelid JOIN pg_namespace dn ON dn.oid = dst.relnamespace
                WHERE fk.contype = 'f' AND dn.nspname LIKE ? AND sn.nspname NOT LIKE ?
                ORDER BY 1""", tenants, tenants);
    }

    // (c) a view's rewrite rule depends on every relation the view reads
    private static List<String> viewsReadingOtherSchemas(String tenants) {
        return rows("""
                SELECT DISTINCT vn.nspname || '.' || v.relname || ' reads ' || tn.nspname || '.' || t.relname
                FROM pg_rewrite r
                JOIN pg_class v ON v.oid = r.ev_class JOIN pg_namespace vn ON vn.oid = v.relnamespace
                JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid
                                AND d.refclassid = 'pg_class'::regclass
                JOIN pg_class t ON t.oid = d.refobjid JOIN pg_namespace tn ON tn.oid = t.relnamespace
                WHERE v.relkind IN ('v', 'm') AND vn.nspname LIKE ? AND tn.oid <> vn.oid
                ORDER BY 1""", tenants);
    }

    // (d) serial and identity sequences hang on their column (pg_depend 'a' / 'i'); defaults depend on what they call
    private static List<String> sequencesCrossingSchemas(String tenants) {
        return rows("""
                SELECT DISTINCT tn.nspname || '.' || t.relname || '.' || a.attname
                       || ' uses ' || sn.nspname || '.' || s.relname
                FROM (SELECT d.objid AS seq, d.refobjid AS tab, d.refobjsubid AS col
                      FROM pg_depend d
                      WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
                        AND d.deptype IN ('a', 'i') AND d.refobjsubid > 0
                      UNION ALL
                      SELECT d.refobjid, ad.adrelid, ad.adnum
                      FROM pg_attrdef ad
                      JOIN pg_depend d ON d.classid = 'pg_attrdef'::regclass AND d.objid = ad.oid
                                      AND d.refclassid = 'pg_class'::regclass) link
                JOIN pg_class s ON s.oid = link.seq AND s.relkind = 'S'
                JOIN pg_namespace sn ON sn.oid = s.relnamespace
                JOIN pg_class t ON t.oid = link.tab JOIN pg_namespace tn ON tn.oid = t.relnamespace
                JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = link.col
                WHERE (tn.nspname LIKE ? OR sn.nspname LIKE ?) AND sn.oid <> tn.oid
                ORDER BY 1""", tenants, tenants);
    }

    // (e) shard moves by logical replication need a replica identity; a primary key gives one
    private static List<String> tablesWithoutPrimaryKey(String tenants) {
        return rows("""
                SELECT n.nspname || '.' || c.relname
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p') AND n.nspname LIKE ?
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint pk WHERE pk.conrelid = c.oid AND pk.contype = 'p')
                ORDER BY 1""", tenants);
    }

    // (f) best effort: a function body is text, so look for another tenant schema's name as a whole word
    private static List<String> functionsAndTriggersReachingOtherTenants(String tenants) {
        return rows("""
                SELECT 'function ' || n.nspname || '.' || p.proname || ' names ' || other.nspname
                FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                JOIN pg_namespace other ON other.nspname LIKE ? AND other.oid <> n.oid
                WHERE n.nspname LIKE ? AND p.prosrc ~* ('\\m' || other.nspname || '\\M')
                UNION ALL
                SELECT 'trigger ' || tg.tgname || ' on ' || tn.nspname || '.' || t.relname
                       || ' calls ' || fn.nspname || '.' || f.proname
                FROM pg_trigger tg
                JOIN pg_class t ON t.oid = tg.tgrelid JOIN pg_namespace tn ON tn.oid = t.relnamespace
                JOIN pg_proc f ON f.oid = tg.tgfoid JOIN pg_namespace fn ON fn.oid = f.pronamespace
                WHERE NOT tg.tgisinternal AND tn.nspname LIKE ? AND fn.nspname LIKE ? AND fn.oid <> tn.oid
                ORDER BY 1""", tenants, tenants, tenants, tenants);
    }

    private static List<String> rows(String sql, String... parameters) {
        return Database.strings(sql, parameters);
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
