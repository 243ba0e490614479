package eu.koopera.tenancy;

import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.Roles;
import eu.koopera.support.Database;
import eu.koopera.support.IntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shared schema's row-level security, tried as an attacker would: statements in association A's transaction
 * that forget their WHERE clause, or claim association B, touch only A's rows or fail; work outside any tenant sees
 * nothing; operators read across associations only through the audited path.
 */
@MicronautTest(transactional = false)
class SharedRowLevelSecurityTest extends IntegrationTest {

    @Inject
    TenantProvisioner provisioner;
    @Inject
    TenantAdmission admission;
    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    CrossTenantReads crossTenantReads;

    Tenant alpha;
    Tenant beta;
    String marker;

    @BeforeAll
    void networksOfTwoAssociations() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).replace('-', 'x');
        marker = "rls-" + suffix;
        alpha = provisioner.create("rls_a" + suffix, "Alpha", "LV", "lv");
        beta = provisioner.create("rls_b" + suffix, "Beta", "LT", "lt");
        write(alpha, "INSERT INTO shared.network (owner_tenant, tenants, name) VALUES (?, ARRAY[?], ?)",
                alpha.code(), alpha.code(), marker + " alpha only");
        write(alpha, "INSERT INTO shared.network (owner_tenant, tenants, name) VALUES (?, ARRAY[?, ?], ?)",
                alpha.code(), alpha.code(), beta.code(), marker + " alpha with beta");
        write(beta, "INSERT INTO shared.network (owner_tenant, tenants, name) VALUES (?, ARRAY[?], ?)",
                beta.code(), beta.code(), marker + " beta only");
    }

    @Test
    void theApplicationRoleIsNeitherSuperuserNorBypassesRowLevelSecurity() {
        List<String> flags = read(alpha, "SELECT rolsuper::text || ',' || rolbypassrls::text FROM pg_roles "
                + "WHERE rolname = current_user");
        assertThat(flags).containsExactly("false,false");
    }

    @Test
    void anUnfilteredSelectInATenantsTransactionSeesOnlyTheNetworksItTakesPartIn() {
        assertThat(read(alpha, "SELECT name FROM shared.network")).filteredOn(name -> name.startsWith(marker))
                .contains(marker + " alpha only", marker + " alpha with beta")
                .doesNotContain(marker + " beta only");
        assertThat(read(beta, "SELECT name FROM shared.network")).filteredOn(name -> name.startsWith(marker))
                .containsExactlyInAnyOrder(marker + " alpha with beta", marker + " beta only");
    }

    @Test
    void anUnfilteredUpdateOrDeleteTouchesOnlyTheTenantsOwnNetworks() {
        int updated = write(beta, "UPDATE shared.network SET description = 'touched by beta'");
        assertThat(Database.count("SELECT count(*) FROM shared.network WHERE description = 'touched by beta' "
                + "AND owner_tenant <> '" + beta.code() + "'")).isZero();
        assertThat(updated).isEqualTo(Database.count("SELECT count(*) FROM shared.network WHERE owner_tenant = '"
                + beta.code() + "'"));
    }

    @Test
    void anUnfilteredDeleteRemovesOnlyTheTenantsOwnNetworks() {
        Tenant gamma = provisioner.create("rls_g" + marker.substring(4), "Gamma", "LV", "lv");
        write(gamma, "INSERT INTO shared.network (owner_tenant, tenants, name) VALUES (?, ARRAY[?, ?], ?)",
                gamma.code(), gamma.code(), alpha.code(), marker + " gamma with alpha");
        int others = Database.count("SELECT count(*) FROM shared.network WHERE owner_tenant <> '" + gamma.code() + "'");
        int deleted = write(gamma, "DELETE FROM shared.network");
        assertThat(deleted).isOne();
        assertThat(Database.count("SELECT count(*) FROM shared.network WHERE owner_tenant <> '" + gamma.code() + "'"))
                .isEqualTo(others);
    }

    @Test
    void anInsertClaimingAnotherAssociationIsRefused() {
        assertThatThrownBy(() -> write(alpha, "INSERT INTO shared.network (owner_tenant, tenants, name) "
                + "VALUES (?, ARRAY[?], 'forged')", beta.code(), beta.code()))
                .hasMessageContaining("row-level security");
        assertThat(Database.count("SELECT count(*) FROM shared.network WHERE name = 'forged'")).isZero();
    }

    @Test
    void workOutsideAnyAssociationSeesNoSharedRows() {
        List<String> names = transactions.executeRead(status -> query(status.getConnection(),
                "SELECT name FROM shared.network"));
        assertThat(names).isEmpty();
    }

    @Test
    void operatorsReadAcrossAssociationsOnlyThroughTheAuditedPath() {
        Caller operator = new Caller("rls-operator", null, Set.of(Roles.PLATFORM_OPERATOR));
        List<String> names = admission.callAs(new Admission(operator, null), () -> crossTenantReads.read(
                "test.shared-networks", () -> transactions.executeRead(status -> query(status.getConnection(),
                        "SELECT name FROM shared.network WHERE name LIKE '" + marker + "%'"))));
        assertThat(names).hasSizeGreaterThanOrEqualTo(2);
        assertThat(Database.count("SELECT count(*) FROM platform.audit_log WHERE actor = 'rls-operator' "
                + "AND action = 'shared.read' AND target = 'test.shared-networks'")).isOne();
        Caller member = new Caller("rls-admin", alpha.code(), Set.of(Roles.ASSOCIATION_ADMIN));
        assertThatThrownBy(() -> admission.callAs(new Admission(member, alpha), () -> crossTenantReads.read("sneaky",
                () -> 0))).hasMessageContaining("operators");
    }

    private List<String> read(Tenant tenant, String sql, String... parameters) {
        return admission.callAs(Admission.of(tenant), () -> transactions.executeRead(status ->
                query(status.getConnection(), sql, parameters)));
    }

    private int write(Tenant tenant, String sql, String... parameters) {
        return admission.callAs(Admission.of(tenant), () -> transactions.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setString(i + 1, parameters[i]);
                }
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }));
    }

    private static List<String> query(Connection connection, String sql, String... parameters) {
        return Database.strings(connection, sql, parameters);
    }
}
