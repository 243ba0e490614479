package eu.koopera.audit;

import eu.koopera.support.Database;
import eu.koopera.support.IntegrationTest;
import eu.koopera.support.TestClient;
import eu.koopera.support.TestClient.Response;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-ins, failed and refused sign-ins land in the audit log of the account's association (operators': the
 * platform's) with the client address, and audit entries carry their structured message through the API.
 * Client addresses come from {@code X-Forwarded-For}, as behind an ingress.
 */
@MicronautTest(transactional = false)
class SecurityEventsTest extends IntegrationTest {

    private static final String PASSWORD = "admin-password-123";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    TestClient client;
    String tenant;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("koopera.proxy.forwarded-for", "true",
                "koopera.auth.throttle.first-delay", "30s",
                "koopera.auth.throttle.account-failures", "2");
    }

    @BeforeAll
    void setUp() {
        client = new TestClient(server.getURI(), json);
        tenant = client.createTenantWithAdmin("secev", PASSWORD);
    }

    @Test
    void aSignInIsRecordedInTheAssociationLogWithTheClientAddress() {
        assertThat(login(tenant, "admin", PASSWORD, "198.51.100.7").status()).isEqualTo(200);

        assertThat(Database.strings("SELECT action || ' ' || event || ' ' || actor || ' ' || client_address FROM t_"
                + tenant + ".audit_log WHERE client_address = '198.51.100.7'"))
                .containsExactly("SECURITY account.signed_in admin 198.51.100.7");
    }

    @Test
    void aWrongPasswordAndAnUnknownNameAreRecordedAsTried() {
        assertThat(login(tenant, "admin", "wrong-password-1", "198.51.100.21").status()).isEqualTo(401);
        assertThat(login(tenant, "  nobody-here  ", "wrong-password-1", "198.51.100.22").status()).isEqualTo(401);

        assertThat(Database.strings("SELECT event || ' ' || entity_id || ' ' || (params->>'name') FROM t_" + tenant
                + ".audit_log WHERE client_address IN ('198.51.100.21', '198.51.100.22') ORDER BY id"))
                .containsExactly("account.sign_in_failed admin admin", "account.sign_in_unknown nobody-here nobody-here");
    }

    @Test
    void aThrottledSignInIsRecordedOnceWithItsWait() {
        String address = "198.51.100.31";
        Response answer;
        int tries = 0;
        do {
            answer = login(tenant, "throttled-name", "wrong-password-1", address);
            tries++;
        } while (answer.status() == 401 && tries < 10);
        assertThat(answer.status()).isEqualTo(429);
        assertThat(login(tenant, "throttled-name", "wrong-password-1", address).status()).isEqualTo(429);

        assertThat(Database.strings("SELECT params->>'name' FROM t_" + tenant + ".audit_log"
                + " WHERE event = 'account.sign_in_throttled' AND client_address = '" + address + "'"))
                .as("the second refusal within a minute is not recorded again").containsExactly("throttled-name");
        assertThat(Database.text("SELECT (params->>'seconds')::int > 0 FROM t_" + tenant + ".audit_log"
                + " WHERE event = 'account.sign_in_throttled' AND client_address = '" + address + "'"))
                .isEqualTo("t");
    }

    @Test
    void operatorsSignInsGoToThePlatformLog() {
        assertThat(login(null, "admin", "wrong-password-1", "198.51.100.41").status()).isEqualTo(401);
        assertThat(login(null, "admin", OPERATOR_PASSWORD, "198.51.100.42").status()).isEqualTo(200);

        assertThat(Database.strings("SELECT action || ' ' || target || ' ' || client_address FROM platform.audit_log"
                + " WHERE client_address IN ('198.51.100.41', '198.51.100.42') ORDER BY id"))
                .containsExactly("account.sign_in_failed admin 198.51.100.41", "account.signed_in admin 198.51.100.42");
    }

    @Test
    void rolesGivenByAnOperatorAreRecordedInTheAssociationLog() {
        assertThat(Database.strings("SELECT actor || ' ' || entity_id || ' ' || coalesce(params->>'before', '')"
                + " || '>' || (params->>'after') FROM t_" + tenant + ".audit_log WHERE event = 'account.roles_changed'"
                + " AND entity_id = 'admin'"))
                .containsExactly("admin admin >ASSOCIATION_ADMIN");
    }

    @Test
    void theApiReturnsTheStructuredMessageOfAnEntry() {
        String admin = client.login(tenant, "admin", PASSWORD);
        assertThat(client.post("/api/members", Map.of("name", "Ādažu novads", "code", "ADZ"),
                bearer(admin, "X-Forwarded-For", "198.51.100.51")).status()).isEqualTo(201);

        Response page = client.get("/api/audit?entityType=member", bearer(admin));

        Map<String, Object> entry = page.list("items").getFirst();
        assertThat(entry).containsEntry("event", "member.created").containsEntry("summary", "Ādažu novads")
                .containsEntry("clientAddress", "198.51.100.51").containsEntry("params", Map.of("name", "Ādažu novads"));
        Response security = client.get("/api/audit?action=SECURITY", bearer(admin));
        assertThat(security.list("items")).extracting(item -> item.get("event")).contains("account.signed_in");
    }

    @Test
    void accountChangesAreRecordedInTheAssociationLog() {
        String admin = client.login(tenant, "admin", PASSWORD);
        Response created = client.post("/api/platform/tenants/" + tenant + "/users", Map.of("username", "ilze",
                "password", "first-password-of-ilze", "email", "ilze@" + tenant + ".example", "roles",
                List.of("MEMBER")), bearer(client.operatorToken()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long ilze = Long.parseLong(created.string("id"));
        String ilzeToken = client.login(tenant, "ilze", "first-password-of-ilze");
        assertThat(client.put("/api/me/password", Map.of("currentPassword", "first-password-of-ilze",
                "newPassword", "second-password-of-ilze"), bearer(ilzeToken, "X-Tenant", tenant)).status())
                .isEqualTo(200);
        assertThat(client.post("/api/auth/password-reset", Map.of("username", "ilze"), "X-Tenant", tenant).status())
                .isEqualTo(202);
        eu.koopera.support.Eventually.await(java.time.Duration.ofSeconds(20), "the reset request recorded",
                () -> Database.strings("SELECT event FROM t_" + tenant + ".audit_log WHERE entity_id = 'ilze'")
                        .contains("account.password_reset_requested") ? java.util.Optional.of(true)
                        : java.util.Optional.empty());
        assertThat(client.patch("/api/users/" + ilze, Map.of("roles", List.of("NETWORK_COORDINATOR")),
                bearer(admin, "X-Tenant", tenant)).status()).isEqualTo(200);
        assertThat(client.patch("/api/users/" + ilze, Map.of("enabled", false), bearer(admin, "X-Tenant", tenant))
                .status()).isEqualTo(200);
        assertThat(client.patch("/api/users/" + ilze, Map.of("mustChangePassword", true),
                bearer(admin, "X-Tenant", tenant)).status()).isEqualTo(200);

        assertThat(Database.strings("SELECT event FROM t_" + tenant + ".audit_log WHERE entity_id = 'ilze' "
                + "AND action = 'SECURITY' ORDER BY id")).contains("account.password_changed",
                "account.password_reset_requested", "account.roles_changed", "account.disabled",
                "account.password_reset_forced");
    }

    private Response login(String tenantCode, String username, String password, String address) {
        List<String> headers = new java.util.ArrayList<>(List.of("X-Forwarded-For", address));
        if (tenantCode != null) {
            headers.addAll(List.of("X-Tenant", tenantCode));
        }
        return client.post("/api/auth/login", Map.of("username", username, "password", password),
                headers.toArray(String[]::new));
    }
}
