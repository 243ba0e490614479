package eu.koopera.people;

import eu.koopera.support.Database;
import eu.koopera.support.IntegrationTest;
import eu.koopera.support.Outbox;
import eu.koopera.support.TestClient;
import eu.koopera.support.TestClient.Response;
import eu.koopera.tenancy.TenantCodes;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class PeopleApiTest extends IntegrationTest {

    private static final String PASSWORD = "admin-password-123";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    TestClient client;
    String tenant;
    String admin;
    long ogre;
    long cesis;

    @BeforeAll
    void setUp() {
        client = new TestClient(server.getURI(), json);
        tenant = client.createTenantWithAdmin("ppl", PASSWORD);
        admin = client.login(tenant, "admin", PASSWORD);
        ogre = member(admin, "Ogres novads", "LV-067");
        cesis = member(admin, "Cēsu novads", "LV-022");
    }

    @Test
    void adminCreatesReadsUpdatesAndDeletesAPerson() {
        Response created = client.post("/api/people", Map.of("memberId", ogre, "firstName", "Ilze", "lastName",
                "Kalniņa", "position", "Attīstības nodaļas vadītāja", "email", "ilze.kalnina@ogre.example",
                "phone", "+371 6505 0000", "languages", List.of("LV", "en", "lv")), bearer(admin));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String location = created.header("Location");
        assertThat(location).isEqualTo("/api/people/" + created.string("id"));
        assertThat(created.map()).containsEntry("memberName", "Ogres novads").containsEntry("memberCode", "LV-067")
                .containsEntry("languages", List.of("lv", "en")).containsEntry("version", 0);

        Map<String, Object> change = new HashMap<>(Map.of("memberId", cesis, "firstName", "Ilze", "lastName",
                "Kalniņa", "email", "ilze.kalnina@cesis.example", "version", 0));
        Response updated = client.put(location, change, bearer(admin));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.map()).containsEntry("memberName", "Cēsu novads").containsEntry("position", null)
                .containsEntry("languages", List.of()).containsEntry("version", 1);
        assertThat(client.get(location, bearer(admin)).string("email")).isEqualTo("ilze.kalnina@cesis.example");

        assertThat(client.delete(location, bearer(admin)).status()).isEqualTo(204);
        assertThat(client.get(location, bearer(admin)).status()).isEqualTo(404);
    }

    @Test
    void staleVersionIsAConflictWithTheCurrentStateAndOverwritesNothing() {
        String location = person(ogre, "Pēteris", "Ozols", "peteris.ozols@ogre.example");
        client.put(location, Map.of("memberId", ogre, "firstName", "Pēteris", "lastName", "Ozoliņš", "version", 0),
                bearer(admin));

        Response stale = client.put(location, Map.of("memberId", ogre, "firstName", "Overwritten", "lastName", "X",
                "version", 0), bearer(admin));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        @SuppressWarnings("unchecked")
        Map<String, Object> current = (Map<String, Object>) stale.map().get("current");
        assertThat(current).containsEntry("lastName", "Ozoliņš").containsEntry("version", 1);
        assertThat(client.get(location, bearer(admin)).string("firstName")).isEqualTo("Pēteris");
    }

    @Test
    void replacingWithoutVersionIsRejected() {
        String location = person(ogre, "Anna", "Liepa", null);

        Response response = client.put(location, Map.of("memberId", ogre, "firstName", "Anna", "lastName", "Bērza"),
                bearer(admin));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.list("errors")).extracting(error -> error.get("field")).containsExactly("version");
        assertThat(client.get(location, bearer(admin)).string("lastName")).isEqualTo("Liepa");
    }

    @Test
    void emailIsUniqueRegardlessOfCaseWithinATenantOnly() {
        person(ogre, "Rūta", "Egle", "Ruta.Egle@Example.lv");

        Response duplicate = client.post("/api/people", Map.of("memberId", cesis, "firstName", "Other", "lastName",
                "Person", "email", "ruta.egle@example.LV"), bearer(admin));

        assertThat(duplicate.status()).isEqualTo(409);
        String other = client.createTenantWithAdmin("ppl2", PASSWORD);
        String otherAdmin = client.login(other, "admin", PASSWORD);
        long otherMember = member(otherAdmin, "Rīga", "LV-RIX");
        assertThat(client.post("/api/people", Map.of("memberId", otherMember, "firstName", "Rūta", "lastName", "Egle",
                "email", "ruta.egle@example.lv"), bearer(otherAdmin)).status()).isEqualTo(201);
    }

    @Test
    void searchIgnoresAccentsAndCoversNameEmailPositionAndOrganisation() {
        String code = "S-" + UUID.randomUUID().toString().substring(0, 6);
        long kedainiai = member(admin, "Kėdainių rajono savivaldybė", code);
        client.post("/api/people", Map.of("memberId", kedainiai, "firstName", "Jonas", "lastName", "Žukauskas",
                "position", "Mero patarėjas", "email", "j.zukauskas@kedainiai.example"), bearer(admin));

        assertThat(names("/api/people?q=zukauskas")).containsExactly("Jonas Žukauskas");
        assertThat(names("/api/people?q=JONAS%20kedainiu")).containsExactly("Jonas Žukauskas");
        assertThat(names("/api/people?q=patarejas")).containsExactly("Jonas Žukauskas");
        assertThat(names("/api/people?q=kedainiai.example")).containsExactly("Jonas Žukauskas");
        assertThat(names("/api/people?q=jonas%20cesu")).isEmpty();
        assertThat(client.get("/api/members/" + kedainiai + "/people", bearer(admin)).list("items"))
                .extracting(item -> item.get("lastName")).containsExactly("Žukauskas");
        assertThat(client.get("/api/people?memberId=" + kedainiai + "&size=1", bearer(admin)).map())
                .containsEntry("total", 1).containsEntry("size", 1).containsEntry("page", 0);
    }

    @Test
    void namesThatLookLikeSqlAreStoredVerbatim() {
        String name = "Robert'); DROP TABLE person; --";

        Response created = client.post("/api/people", Map.of("memberId", ogre, "firstName", name, "lastName",
                "Tables"), bearer(admin));

        assertThat(created.status()).isEqualTo(201);
        assertThat(client.get(created.header("Location"), bearer(admin)).string("firstName")).isEqualTo(name);
        assertThat(Database.count("SELECT count(*) FROM " + schema() + ".person")).isPositive();
    }

    @Test
    void peopleOfOneTenantAreInvisibleToAnother() {
        String location = person(ogre, "Slepena", "Persona", "slepena@ogre.example");
        String other = client.createTenantWithAdmin("pplx", PASSWORD);
        String otherAdmin = client.login(other, "admin", PASSWORD);

        assertThat(client.get(location, bearer(otherAdmin)).status()).isEqualTo(404);
        assertThat(client.put(location, Map.of("memberId", 1, "firstName", "X", "lastName", "Y", "version", 0),
                bearer(otherAdmin)).status()).isEqualTo(404);
        assertThat(client.delete(location, bearer(otherAdmin)).status()).isEqualTo(404);
        assertThat(client.get("/api/people?q=slepena", bearer(otherAdmin)).list("items")).isEmpty();
        assertThat(client.get(location, bearer(admin, "X-Tenant", other)).status()).isEqualTo(403);
        assertThat(client.get(location, bearer(admin)).string("lastName")).isEqualTo("Persona");
    }

    @Test
    void membersSeeOnlyThePeopleOfTheirOwnOrganisationAndNoNotes() {
        long own = member(admin, "Valmieras novads", "V-" + UUID.randomUUID().toString().substring(0, 6));
        String colleague = person(own, "Kolēģe", "Vītola", null);
        client.put(colleague, Map.of("memberId", own, "firstName", "Kolēģe", "lastName", "Vītola",
                "notes", "internal", "version", 0), bearer(admin));
        String stranger = person(cesis, "Svešais", "Cēsnieks", null);
        String member = linkedUser(own, "valmiera-" + UUID.randomUUID().toString().substring(0, 6), "MEMBER");

        Response mine = client.get("/api/people", bearer(member));
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.list("items")).extracting(item -> item.get("memberId")).containsOnly((int) own);
        assertThat(mine.list("items")).hasSize(2).allSatisfy(item -> assertThat(item.get("notes")).isNull());
        assertThat(client.get(colleague, bearer(member)).status()).isEqualTo(200);
        assertThat(client.get(stranger, bearer(member)).status()).isEqualTo(404);
        assertThat(client.get("/api/members/" + cesis + "/people", bearer(member)).status()).isEqualTo(403);
        assertThat(client.post("/api/people", Map.of("memberId", own, "firstName", "A", "lastName", "B"),
                bearer(member)).status()).isEqualTo(403);
        assertThat(client.get(colleague, bearer(admin)).string("notes")).isEqualTo("internal");
    }

    @Test
    void coordinatorsSeeEveryoneButNoNotes() {
        String location = person(cesis, "Piezīmju", "Turētāja", null);
        client.put(location, Map.of("memberId", cesis, "firstName", "Piezīmju", "lastName", "Turētāja",
                "notes", "for administrators", "version", 0), bearer(admin));
        String username = "coordinator-" + UUID.randomUUID().toString().substring(0, 6);
        client.post("/api/platform/tenants/" + tenant + "/users", Map.of("username", username, "password",
                "coordinator-password", "roles", List.of("NETWORK_COORDINATOR")), bearer(client.operatorToken()));
        String coordinator = client.login(tenant, username, "coordinator-password");

        assertThat(client.get("/api/people?q=turetaja", bearer(coordinator)).list("items")).singleElement()
                .satisfies(item -> assertThat(item).containsEntry("lastName", "Turētāja").containsEntry("notes", null));
        assertThat(client.get(location, bearer(coordinator)).map()).containsEntry("notes", null);
        assertThat(client.put(location, Map.of("memberId", cesis, "firstName", "X", "lastName", "Y", "version", 1),
                bearer(coordinator)).status()).isEqualTo(403);
    }

    @Test
    void meShowsTheAccountWithItsPersonAndOrganisationAndTheProfileCanBeEdited() {
        long own = member(admin, "Siguldas novads", "G-" + UUID.randomUUID().toString().substring(0, 6));
        String username = "sigulda-" + UUID.randomUUID().toString().substring(0, 6);
        String member = linkedUser(own, username, "MEMBER");

        Response me = client.get("/api/me", bearer(member));
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"" + username + "\"").contains("\"roles\":[\"MEMBER\"]")
                .contains("\"name\":\"Siguldas novads\"").doesNotContain("passwordHash");
        @SuppressWarnings("unchecked")
        Map<String, Object> person = (Map<String, Object>) me.map().get("person");
        Response edited = client.put("/api/me/profile", Map.of("firstName", "Laura", "lastName", "Siguldiete",
                "position", "Projektu vadītāja", "phone", "+371 2000 0000", "languages", List.of("lv", "de"),
                "version", person.get("version")), bearer(member));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.map()).containsEntry("lastName", "Siguldiete").containsEntry("languages", List.of("lv", "de"))
                .containsEntry("memberId", (int) own);
        Response stale = client.put("/api/me/profile", Map.of("firstName", "X", "lastName", "Y",
                "version", person.get("version")), bearer(member));
        assertThat(stale.status()).isEqualTo(409);

        Response adminMe = client.get("/api/me", bearer(admin));
        assertThat(adminMe.map()).containsEntry("person", null).containsEntry("member", null);
        assertThat(client.put("/api/me/profile", Map.of("firstName", "A", "lastName", "B", "version", 0),
                bearer(admin)).status()).isEqualTo(404);
    }

    @Test
    void aStaleOwnProfileEditShowsTheCurrentStateWithoutTheAdministratorsNotes() {
        long own = member(admin, "Madonas novads", "N-" + UUID.randomUUID().toString().substring(0, 6));
        String username = "madona-" + UUID.randomUUID().toString().substring(0, 6);
        String member = linkedUser(own, username, "MEMBER");
        @SuppressWarnings("unchecked")
        Map<String, Object> person = (Map<String, Object>) client.get("/api/me", bearer(member)).map().get("person");
        Response noted = client.put("/api/people/" + person.get("id"), Map.of("memberId", own,
                "firstName", person.get("firstName"), "lastName", person.get("lastName"),
                "email", person.get("email"), "notes", "only for administrators",
                "version", person.get("version")), bearer(admin));
        assertThat(noted.status()).as(noted.body()).isEqualTo(200);

        Response stale = client.put("/api/me/profile", Map.of("firstName", "X", "lastName", "Y",
                "version", person.get("version")), bearer(member));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("\"lastName\"").doesNotContain("only for administrators");
    }

    @Test
    void aMemberWithPeopleCannotBeDeleted() {
        long doomed = member(admin, "Alūksnes novads", "D-" + UUID.randomUUID().toString().substring(0, 6));
        String location = person(doomed, "Pēdējais", "Darbinieks", null);

        Response refused = client.delete("/api/members/" + doomed, bearer(admin));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.string("detail")).contains("people");
        assertThat(client.get("/api/members/" + doomed, bearer(admin)).status()).isEqualTo(200);
        client.delete(location, bearer(admin));
        assertThat(client.delete("/api/members/" + doomed, bearer(admin)).status()).isEqualTo(204);
    }

    @Test
    void everyChangeIsAuditedWithBeforeAndAfter() {
        String location = person(ogre, "Auditors", "Pirmais", null);
        client.put(location, Map.of("memberId", ogre, "firstName", "Auditors", "lastName", "Otrais", "version", 0),
                bearer(admin));
        client.delete(location, bearer(admin));
        String id = location.substring(location.lastIndexOf('/') + 1);

        Response audit = client.get("/api/audit?entityType=person&entityId=" + id, bearer(admin));

        assertThat(audit.list("items")).extracting(item -> item.get("action"))
                .containsExactly("DELETE", "UPDATE", "CREATE");
        assertThat(audit.list("items").get(1).get("before").toString()).contains("Pirmais");
        assertThat(audit.list("items").get(1).get("after").toString()).contains("Otrais");
        assertThat(audit.list("items")).allSatisfy(item -> assertThat(item.get("actor")).isEqualTo("admin"));
    }

    @Test
    void operatorsDoNotSeeTenantPeople() {
        assertThat(client.get("/api/people", bearer(client.operatorToken(), "X-Tenant", tenant)).status())
                .isEqualTo(403);
    }

    private long member(String token, String name, String code) {
        Response created = client.post("/api/members", Map.of("name", name, "code", code), bearer(token));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return Long.parseLong(created.string("id"));
    }

    private String person(long memberId, String firstName, String lastName, String email) {
        Map<String, Object> body = new HashMap<>(Map.of("memberId", memberId, "firstName", firstName,
                "lastName", lastName));
        if (email != null) {
            body.put("email", email);
        }
        Response created = client.post("/api/people", body, bearer(admin));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.header("Location");
    }

    /** A person of {@code memberId} invited and accepted as {@code username}; returns their access token. */
    private String linkedUser(long memberId, String username, String role) {
        String email = username + "@people.example";
        String location = person(memberId, "Lietotājs", username, email);
        Response invited = client.post(location + "/invitations", Map.of("roles", List.of(role)), bearer(admin));
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        String token = Outbox.invitationToken(Outbox.latestTo(email).orElseThrow().bodyText(), tenant);
        Response accepted = client.post("/api/public/invitations/" + tenant + "/" + token + "/accept",
                Map.of("username", username, "password", "a-long-enough-password"));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        return client.login(tenant, username, "a-long-enough-password");
    }

    private List<String> names(String path) {
        return client.get(path, bearer(admin)).list("items").stream()
                .map(item -> item.get("firstName") + " " + item.get("lastName")).toList();
    }

    private String schema() {
        return TenantCodes.schemaFor(tenant);
    }
}
