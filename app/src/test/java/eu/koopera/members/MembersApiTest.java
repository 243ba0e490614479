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
        assertThat(client.get(location, bearer(admin)).string("name")).isEqualTo("Cēsu novads");
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
