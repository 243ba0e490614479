package eu.koopera.tenancy;

import eu.koopera.support.IntegrationTest;
import eu.koopera.support.TestDatabase;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The tenant binding lives and dies with the transaction, over a pool of only two connections: no statement runs
 * with another tenant's setting, work outside any tenant sees no tenant table, and a rollback, an exception or a
 * connection killed mid-transaction leave nothing behind.
 */
@MicronautTest(transactional = false)
class TransactionBindingTest extends IntegrationTest {

    @Inject
    TenantProvisioner provisioner;
    @Inject
    TenantAdmission admission;
    DataSource dataSource;
    @Inject
    TransactionOperations<Connection> transactions;

    Tenant alpha;
    Tenant beta;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("datasources.default.maximum-pool-size", "2", "datasources.default.minimum-idle", "2");
    }

    @Inject
    void pool(DataSource contextual) {
        // the pool as the tenancy binding wraps it, below Micronaut's connection-context wrapper
        dataSource = DelegatingDataSource.unwrapDataSource(contextual);
        assertThat(dataSource).isInstanceOf(TenantBoundDataSource.class);
    }

    @BeforeAll
    void twoTenants() {
        alpha = provisioner.create("bind_a" + suffix(), "Alpha", "LV", "lv");
        beta = provisioner.create("bind_b" + suffix(), "Beta", "LT", "lt");
    }

    @Test
    void everyStatementRunsWithTheTenantOfItsOwnWorkWhileTenantsInterleaveOnTwoConnections() throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(8);
        Map<Integer, Boolean> physical = new ConcurrentHashMap<>();
        try {
            List<Future<String>> runs = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                Tenant tenant = i % 2 == 0 ? alpha : beta;
                boolean explicit = i % 4 < 2;
                runs.add(workers.submit(() -> admission.callAs(Admission.of(tenant), () -> explicit
                        ? transactions.executeRead(status -> seenBy(status.getConnection(), physical))
                        : seenWithoutTransaction(physical)) + "|" + tenant.code()));
            }
            for (Future<String> run : runs) {
                String[] seen = run.get().split("\\|");
                assertThat(seen[0]).as("tenant setting").isEqualTo(seen[2]);
                assertThat(seen[1]).as("search_path").isEqualTo("t_" + seen[2]);
            }
        } finally {
            workers.shutdownNow();
        }
        assertThat(physical).as("physical connections used").hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void workOutsideAnyTenantSeesNoTenantTableOnAnyPooledConnection() throws SQLException {
        admission.runAs(Admission.of(alpha), () -> transactions.executeRead(status -> count(status.getConnection(),
                "SELECT count(*) FROM member")));
        admission.runAs(Admission.of(beta), () -> {
            try (Connection connection = dataSource.getConnection()) {
                count(connection, "SELECT count(*) FROM member");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            for (Connection connection : List.of(first, second)) {
                assertThat(text(connection, "SELECT coalesce(current_setting('koopera.tenant', true), '')")).isEmpty();
                assertThat(text(connection, "SELECT current_setting('search_path')")).isIn("", "\"\"");
                assertThatThrownBy(() -> count(connection, "SELECT count(*) FROM member"))
                        .hasMessageContaining("relation \"member\" does not exist");
            }
        }
    }

    @Test
    void anExceptionAndItsRollbackLeaveNothingBehind() throws SQLException {
        assertThatThrownBy(() -> admission.runAs(Admission.of(alpha), () -> transactions.executeWrite(status -> {
            execute(status.getConnection(), "INSERT INTO member (code, name) "
                    + "VALUES ('LV-ROLLBACK', 'Rolled back')");
            throw new IllegalStateException("fails after writing");
        }))).hasMessage("fails after writing");
        assertThat(TestDatabaseCount.of("SELECT count(*) FROM " + alpha.schemaName()
                + ".member WHERE code = 'LV-ROLLBACK'")).isZero();
        assertNoPooledConnectionKeepsATenant();
    }

    @Test
    void aConnectionKilledMidTransactionLeavesNothingBehindAndTheNextWorkRunsForItsOwnTenant() throws SQLException {
        assertThatThrownBy(() -> admission.runAs(Admission.of(alpha), () -> transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            execute(connection, "INSERT INTO member (code, name) "
                    + "VALUES ('LV-KILLED', 'Killed')");
            int pid = count(connection, "SELECT pg_backend_pid()");
            TestDatabaseCount.of("SELECT count(*) FROM (SELECT pg_terminate_backend(" + pid + ")) t");
            return count(connection, "SELECT count(*) FROM member");
        }))).isNotNull();
        assertThat(TestDatabaseCount.of("SELECT count(*) FROM " + alpha.schemaName()
                + ".member WHERE code = 'LV-KILLED'")).isZero();
        String seen = admission.callAs(Admission.of(beta), () -> transactions.executeRead(status ->
                seenBy(status.getConnection(), new ConcurrentHashMap<>())));
        assertThat(seen).startsWith(beta.code() + "|");
        assertNoPooledConnectionKeepsATenant();
    }

    private void assertNoPooledConnectionKeepsATenant() throws SQLException {
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            for (Connection connection : List.of(first, second)) {
                assertThat(text(connection, "SELECT coalesce(current_setting('koopera.tenant', true), '')")).isEmpty();
            }
        }
    }

    private String seenWithoutTransaction(Map<Integer, Boolean> physical) {
        try (Connection connection = dataSource.getConnection()) {
            return seenBy(connection, physical);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String seenBy(Connection connection, Map<Integer, Boolean> physical) {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT current_setting('koopera.tenant', true), "
                     + "(current_schemas(false))[1], pg_backend_pid(), (SELECT count(*) FROM member)")) {
            rows.next();
            physical.put(rows.getInt(3), true);
            return rows.getString(1) + "|" + rows.getString(2);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int count(Connection connection, String sql) {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static String text(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static void execute(Connection connection, String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6).replace('-', 'x');
    }

    /** Counts through a superuser connection of its own, past the application's pool. */
    private static final class TestDatabaseCount {
        static int of(String sql) {
            try (Connection connection = TestDatabase.connect()) {
                return count(connection, sql);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
