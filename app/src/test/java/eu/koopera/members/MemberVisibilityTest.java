package eu.koopera.members;

import eu.koopera.support.IntegrationTest;
import eu.koopera.support.Outbox;
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
 * What each role sees of a member organisation (docs/authorization.md): administrators' notes, the note and author
 * of each membership change and the register export reach administrators only; coordinators and municipal officers
 * read the rest.
 */
@MicronautTest(transactional = false)
class MemberVisibilityTest extends IntegrationTest {

    private static final String PASSWORD = "visibility-password-123";
    private static final String NOTE = "Owes the 2026 fee; call the mayor first";
    private static final String HISTORY_NOTE = "Board decision 12/2026";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    TestClient client;
    String admin;
    String coordinator;
    String officer;
    String member;

    @BeforeAll
    void setUp() {
        client = new TestClient(server.getURI(), json);
        String tenant = client.createTenantWithAdmin("vis", PASSWORD);
        admin = client.login(tenant, "admin", PASSWORD);
        Response user = client.post("/api/platform/tenants/" + tenant + "/users", Map.of("username", "coordinator",
                "password", PASSWORD, "email", "coordinator@" + tenant + ".example", "roles",
                List.of("NETWORK_COORDINATOR")), bearer(client.operatorToken()));
        assertThat(user.status()).as(user.body()).isEqualTo(201);
        coordinator = client.login(tenant, "coordinator", PASSWORD);

        Response created = client.post("/api/members", Map.of("name", "Ogres novads", "code", "LV-067",
                "membershipStatus", "APPLIED", "notes", NOTE), bearer(admin));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        member = "/api/members/" + created.string("id");
        Response changed = client.post(member + "/membership", Map.of("status", "ACTIVE", "note", HISTORY_NOTE),
                bearer(admin));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);

        String email = "officer@" + tenant + ".example";
        Response person = client.post("/api/people", Map.of("memberId", Long.parseLong(created.string("id")),
                "firstName", "Ilze", "lastName", "Kalniņa", "email", email), bearer(admin));
        assertThat(person.status()).as(person.body()).isEqualTo(201);
        Response invited = client.post("/api/people/" + person.string("id") + "/invitations",
                Map.of("roles", List.of("MEMBER")), bearer(admin));
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        String token = Outbox.invitationToken(Outbox.latestTo(email).orElseThrow().bodyText(), tenant);
        Response accepted = client.post("/api/public/invitations/" + tenant + "/" + token + "/accept",
                Map.of("username", "officer", "password", PASSWORD));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        officer = client.login(tenant, "officer", PASSWORD);
    }

    @Test
    void onlyAdministratorsReadAMembersNotes() {
        assertThat(client.get(member, bearer(admin)).string("notes")).isEqualTo(NOTE);
        for (String reader : List.of(coordinator, officer)) {
            Response one = client.get(member, bearer(reader));
            Response list = client.get("/api/members", bearer(reader));
            assertThat(one.status()).isEqualTo(200);
            assertThat(one.map()).containsEntry("notes", null).containsEntry("name", "Ogres novads");
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.body()).contains("Ogres novads").doesNotContain(NOTE);
        }
    }

    @Test
    void membershipHistoryShowsNotesAndAuthorsOnlyToAdministrators() {
        assertThat(client.get(member + "/membership", bearer(admin)).body()).contains(HISTORY_NOTE)
                .contains("\"changedBy\":\"admin\"");
        for (String reader : List.of(coordinator, officer)) {
            Response history = client.get(member + "/membership", bearer(reader));
            assertThat(history.status()).isEqualTo(200);
            assertThat(history.body()).contains("\"toStatus\":\"ACTIVE\"").contains("\"toStatus\":\"APPLIED\"")
                    .doesNotContain(HISTORY_NOTE).doesNotContain("\"changedBy\":\"admin\"");
        }
    }

    @Test
    void anOfficerSeesTheirOwnOrganisationWithoutNotes() {
        Response me = client.get("/api/me", bearer(officer));

        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.body()).contains("Ogres novads").doesNotContain(NOTE);
    }

    @Test
    void onlyAdministratorsExportTheRegister() {
        assertThat(client.get("/api/members/export", bearer(admin)).status()).isEqualTo(200);
        assertThat(client.get("/api/members/export", bearer(coordinator)).status()).isEqualTo(403);
        assertThat(client.get("/api/members/export?format=xlsx", bearer(officer)).status()).isEqualTo(403);
    }
}
