package eu.koopera.members;

import eu.koopera.support.IntegrationTest;
import eu.koopera.support.TestClient;
import eu.koopera.support.TestClient.Response;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class MembersApiTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    TestClient client;
    String tenant;
    String admin;

    @BeforeAll
    void setUp() {
        client = new TestClient(server.getURI(), json);
        tenant = client.createTenantWithAdmin("mem", "admin-password-123");
        admin = client.login(tenant, "admin", "admin-password-123");
    }

    @Test
    void adminCreatesReadsUpdatesAndDeletesAMember() {
        Response created = client.post("/api/members", Map.of("name", "Ogres novads", "code", "0740001",
                "kind", "MUNICIPALITY", "region", "Vidzeme", "population", 55000), bearer(admin));
        assertThat(created.status()).isEqualTo(201);
        String location = created.header("Location");
        assertThat(location).isEqualTo("/api/members/" + created.string("id"));
        assertThat(created.string("version")).isEqualTo("0");

        Response fetched = client.get(location, bearer(admin));
        assertThat(fetched.string("kind")).isEqualTo("MUNICIPALITY");
        assertThat(fetched.string("population")).isEqualTo("55000");

        Map<String, Object> change = new HashMap<>(Map.of("name", "Ogres novads", "code", "0740001",
                "region", "Rīgas plānošanas reģions", "version", 0));
        Response updated = client.put(location, change, bearer(admin));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.string("region")).isEqualTo("Rīgas plānošanas reģions");
        assertThat(updated.string("kind")).isNull();
        assertThat(updated.string("version")).isEqualTo("1");

        assertThat(client.delete(location, bearer(admin)).status()).isEqualTo(204);
        assertThat(client.get(location, bearer(admin)).status()).isEqualTo(404);
    }

    @Test
    void onlyNameAndCodeAreRequired() {
        Response created = client.post("/api/members", Map.of("name", "Valmieras novads", "code", "MIN-1"),
                bearer(admin));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.string("kind")).isNull();
    }

    @Test
    void duplicateCodeInOneTenantIsAConflictButAnotherTenantMayUseIt() {
        assertThat(client.post("/api/members", Map.of("name", "Rīga", "code", "DUP-RIX"), bearer(admin)).status())
                .isEqualTo(201);
        Response duplicate = client.post("/api/members", Map.of("name", "Rīga again", "code", "DUP-RIX"),
                bearer(admin));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.contentType()).startsWith("application/problem+json");
        assertThat(duplicate.string("code")).isEqualTo("member.code.taken");

        String other = client.createTenantWithAdmin("mem2", "admin-password-123");
        String otherAdmin = client.login(other, "admin", "admin-password-123");
        assertThat(client.post("/api/members", Map.of("name", "Rīga", "code", "DUP-RIX"), bearer(otherAdmin))
                .status()).isEqualTo(201);
    }

    @Test
    void staleVersionIsAConflictAndOverwritesNothing() {
        Response created = client.post("/api/members", Map.of("name", "Cēsis", "code", "CES-1"), bearer(admin));
        String location = created.header("Location");
        client.put(location, Map.of("name", "Cēsu novads", "code", "CES-1", "version", 0), bearer(admin));

        Response stale = client.put(location, Map.of("name", "Overwritten", "code", "CES-1", "version", 0),
                bearer(admin));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.string("code")).isEqualTo("member.changed");
        assertThat(stale.body()).contains("\"current\"").contains("Cēsu novads");
        assertThat(client.get(location, bearer(admin)).string("name")).isEqualTo("Cēsu novads");
    }

    @Test
    void replacingWithoutVersionIsRejected() {
        String location = client.post("/api/members", Map.of("name", "Dobele", "code", "DOB-1"), bearer(admin))
                .header("Location");

        Response response = client.put(location, Map.of("name", "Dobeles novads", "code", "DOB-1"), bearer(admin));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.list("errors")).extracting(error -> error.get("field")).containsExactly("version");
        assertThat(response.list("errors")).extracting(error -> error.get("code")).containsExactly("version.required");
        assertThat(client.get(location, bearer(admin)).string("name")).isEqualTo("Dobele");
    }

    @Test
    void searchIgnoresAccentsAndCase() {
        client.post("/api/members", Map.of("name", "Kėdainių rajono savivaldybė", "code", "LT-KED"), bearer(admin));

        assertThat(client.get("/api/members?q=kedainiu", bearer(admin)).list("items"))
                .extracting(item -> item.get("code")).containsExactly("LT-KED");
        assertThat(client.get("/api/members?q=KĖDAINIŲ%20RAJ", bearer(admin)).list("items"))
                .extracting(item -> item.get("code")).containsExactly("LT-KED");
    }

    @Test
    void filtersAndSortingNarrowAndOrderTheList() {
        String other = client.createTenantWithAdmin("memf", "admin-password-123");
        String otherAdmin = client.login(other, "admin", "admin-password-123");
        client.post("/api/members", Map.of("name", "Rīga", "code", "LV-RIX", "kind", "STATE_CITY", "population",
                605000, "country", "LV"), bearer(otherAdmin));
        client.post("/api/members", Map.of("name", "Jūrmala", "code", "LV-JUR", "kind", "STATE_CITY", "population",
                50000, "country", "LV"), bearer(otherAdmin));
        client.post("/api/members", Map.of("name", "Ādažu novads", "code", "LV-ADA", "kind", "MUNICIPALITY",
                "population", 12000, "country", "LV"), bearer(otherAdmin));

        Response cities = client.get("/api/members?kind=STATE_CITY&sort=-population", bearer(otherAdmin));
        Response byCode = client.get("/api/members?sort=code", bearer(otherAdmin));

        assertThat(cities.list("items")).extracting(item -> item.get("code")).containsExactly("LV-RIX", "LV-JUR");
        assertThat(byCode.list("items")).extracting(item -> item.get("code"))
                .containsExactly("LV-ADA", "LV-JUR", "LV-RIX");
        assertThat(client.get("/api/members?sort=password", bearer(otherAdmin)).status()).isEqualTo(400);
    }

    @Test
    void membershipMovesThroughAllowedStatusesWithHistory() {
        Response created = client.post("/api/members", Map.of("name", "Sigulda", "code", "SIG-1",
                "membershipStatus", "APPLIED"), bearer(admin));
        String location = created.header("Location");
        assertThat(created.string("membershipStatus")).isEqualTo("APPLIED");

        Response active = client.post(location + "/membership", Map.of("status", "ACTIVE", "effectiveOn",
                "2026-01-01", "note", "Accepted by the board"), bearer(admin));
        Response invalid = client.post(location + "/membership", Map.of("status", "APPLIED"), bearer(admin));
        Response history = client.get(location + "/membership", bearer(admin));

        assertThat(active.status()).isEqualTo(200);
        assertThat(active.string("membershipSince")).isEqualTo("2026-01-01");
        assertThat(invalid.status()).isEqualTo(409);
        // the UI words the refusal by its code in the user's language
        assertThat(invalid.string("code")).isEqualTo("member.status.not-allowed");
        assertThat(history.body()).contains("Accepted by the board").contains("\"toStatus\":\"ACTIVE\"")
                .contains("\"toStatus\":\"APPLIED\"");
    }

    @Test
    void everyChangeIsAudited() {
        String location = client.post("/api/members", Map.of("name", "Tukums", "code", "AUD-1"), bearer(admin))
                .header("Location");
        client.put(location, Map.of("name", "Tukuma novads", "code", "AUD-1", "version", 0), bearer(admin));
        client.delete(location, bearer(admin));
        String id = location.substring(location.lastIndexOf('/') + 1);

        Response audit = client.get("/api/audit?entityType=member&entityId=" + id, bearer(admin));

        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.list("items")).extracting(item -> item.get("action"))
                .containsExactly("DELETE", "UPDATE", "CREATE");
        assertThat(audit.list("items").get(1).get("before").toString()).contains("Tukums");
        assertThat(audit.list("items").get(1).get("after").toString()).contains("Tukuma novads");
        assertThat(audit.list("items")).allSatisfy(item -> assertThat(item.get("actor")).isEqualTo("admin"));
    }

    @Test
    void searchFiltersByNameOrCodeAndPages() {
        Map<String, String> members = Map.of("S-ALU", "Alūksnes novads", "S-BAL", "Balvu novads",
                "S-BAU", "Bauskas novads", "S-CES", "Cēsu novads");
        members.forEach((code, name) -> assertThat(client.post("/api/members", Map.of("name", name, "code", code),
                bearer(admin)).status()).isEqualTo(201));

        Response page = client.get("/api/members?q=novads&page=0&size=2", bearer(admin));
        Response byCode = client.get("/api/members?q=S-BAL", bearer(admin));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.list("items")).hasSize(2);
        assertThat(Integer.parseInt(page.string("total"))).isGreaterThanOrEqualTo(4);
        assertThat(page.string("size")).isEqualTo("2");
        assertThat(byCode.list("items")).extracting(item -> item.get("name")).containsExactly("Balvu novads");
    }

    @Test
    void membersMayReadButNotChange() {
        String operator = client.operatorToken();
        client.post("/api/platform/tenants/" + tenant + "/users", Map.of("username", "reader", "password",
                "reader-password-123", "roles", List.of("MEMBER")), bearer(operator));
        String reader = client.login(tenant, "reader", "reader-password-123");

        assertThat(client.get("/api/members", bearer(reader)).status()).isEqualTo(200);
        Response write = client.post("/api/members", Map.of("name", "x", "code", "NOPE"), bearer(reader));
        assertThat(write.status()).isEqualTo(403);
        assertThat(client.get("/api/members?q=NOPE", bearer(admin)).string("total")).isEqualTo("0");
    }

    @Test
    void operatorsDoNotSeeTenantMembers() {
        Response response = client.get("/api/members", bearer(client.operatorToken(), "X-Tenant", tenant));

        assertThat(response.status()).isEqualTo(403);
    }
}
