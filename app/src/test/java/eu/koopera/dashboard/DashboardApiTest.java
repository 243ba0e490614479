package eu.koopera.dashboard;

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

/** The administrator's dashboard counts exactly the association's own members, people, invitations and mail. */
@MicronautTest(transactional = false)
class DashboardApiTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    TestClient client;
    String code;
    String admin;

    @BeforeAll
    void setUp() {
        client = new TestClient(server.getURI(), json);
        code = client.createTenantWithAdmin("dash", "admin-password-123");
        admin = client.login(code, "admin", "admin-password-123");
        // another association's data must not show up in this one's figures
        String other = client.login(client.createTenantWithAdmin("dasho", "admin-password-123"), "admin",
                "admin-password-123");
        long foreign = id(client.post("/api/members", Map.of("name", "Cita", "code", "X1"), bearer(other)));
        long foreignPerson = id(client.post("/api/people", Map.of("memberId", foreign, "firstName", "Ieva",
                "lastName", "Cita", "email", "ieva@cita.example"), bearer(other)));
        assertThat(client.post("/api/people/" + foreignPerson + "/invitations", Map.of("roles", List.of("MEMBER")),
                bearer(other)).status()).isEqualTo(201);
    }

    @Test
    void countsMembersByStatusPeopleWithoutAccountsInvitationsAndFailedMail() {
        long applied = id(client.post("/api/members", Map.of("name", "Ādažu novads", "code", "A1",
                "membershipStatus", "APPLIED"), bearer(admin)));
        long active = id(client.post("/api/members", Map.of("name", "Bauskas novads", "code", "B1"), bearer(admin)));
        long suspended = id(client.post("/api/members", Map.of("name", "Cēsu novads", "code", "C1"), bearer(admin)));
        assertThat(client.post("/api/members/" + suspended + "/membership", Map.of("status", "SUSPENDED",
                "note", "unpaid fees"), bearer(admin)).status()).isEqualTo(200);
        long anna = id(client.post("/api/people", Map.of("memberId", applied, "firstName", "Anna",
                "lastName", "Bērziņa", "email", "anna@adazi.example"), bearer(admin)));
        id(client.post("/api/people", Map.of("memberId", active, "firstName", "Jānis", "lastName", "Ozols"),
                bearer(admin)));
        assertThat(client.post("/api/people/" + anna + "/invitations", Map.of("roles", List.of("MEMBER")),
                bearer(admin)).status()).isEqualTo(201);
        // one invitation about to expire, one mail of this association that finally failed
        Database.strings("UPDATE t_" + code + ".invitation SET expires_at = now() + interval '1 hour' RETURNING id");
        Database.strings("UPDATE platform.mail_outbox SET status = 'FAILED' WHERE id = (SELECT max(id) FROM "
                + "platform.mail_outbox WHERE tenant_code = ?) RETURNING id", code);

        Response dashboard = client.get("/api/dashboard", bearer(admin));

        assertThat(dashboard.status()).isEqualTo(200);
        assertThat(dashboard.map()).containsEntry("members", 3).containsEntry("peopleWithoutAccount", 2)
                .containsEntry("failedMail", 1);
        assertThat(dashboard.map().get("membersByStatus")).isEqualTo(Map.of("APPLIED", 1, "ACTIVE", 1,
                "SUSPENDED", 1, "LEFT", 0));
        assertThat(dashboard.map().get("invitations")).isEqualTo(Map.of("pending", 1, "expiringSoon", 1));
        List<?> recent = (List<?>) dashboard.map().get("recentChanges");
        assertThat(recent).hasSizeBetween(7, DashboardService.RECENT_CHANGES);
        assertThat(((Map<?, ?>) recent.getFirst()).get("entityType")).isEqualTo("invitation");
    }

    @Test
    void onlyTheAssociationsAdministratorsSeeIt() {
        assertThat(client.get("/api/dashboard").status()).isEqualTo(401);
        assertThat(client.post("/api/platform/tenants/" + code + "/users", Map.of("username", "officer",
                "password", "officer-password-123", "roles", List.of("MEMBER")),
                bearer(client.operatorToken())).status()).isEqualTo(201);
        Response member = client.get("/api/dashboard", bearer(client.login(code, "officer", "officer-password-123")));
        assertThat(member.status()).isEqualTo(403);
        assertThat(member.contentType()).startsWith("application/problem+json");
        // an operator works outside any association: refused, like every association route (docs/authorization.md)
        assertThat(client.get("/api/dashboard", bearer(client.operatorToken())).status()).isEqualTo(403);
    }

    private static long id(Response created) {
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return Long.parseLong(created.string("id"));
    }
}
