package eu.koopera.people;

import eu.koopera.support.Database;
import eu.koopera.support.IntegrationTest;
import eu.koopera.support.TestClient;
import eu.koopera.support.TestClient.Response;
import eu.koopera.tenancy.TenantCodes;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of bad input about people gets a clear problem response and leaves the data exactly as it was. */
@MicronautTest(transactional = false)
class PeopleBadInputTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    TestClient client;
    String tenant;
    String token;
    long member;
    String location;
    String snapshot;

    @BeforeAll
    void setUp() {
        client = new TestClient(server.getURI(), json);
        tenant = client.createTenantWithAdmin("pbad", "admin-password-123");
        token = client.login(tenant, "admin", "admin-password-123");
        member = Long.parseLong(client.post("/api/members", Map.of("code", "RIX", "name", "Rīga"), bearer(token))
                .string("id"));
        location = client.post("/api/people", Map.of("memberId", member, "firstName", "Ieva", "lastName", "Zariņa",
                "email", "ieva@riga.example"), bearer(token)).header("Location");
        snapshot = snapshot();
    }

    @AfterEach
    void nothingWasWritten() {
        assertThat(snapshot()).isEqualTo(snapshot);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-email", "two@@example.lv", "no-domain@", "@example.lv", "spaces in@example.lv",
            "x@y.lv' OR '1'='1", "a@b.lv; DROP TABLE person; --", "ieva@localhost"})
    void badEmailsAreRejectedWithTheField(String email) {
        Response response = client.post("/api/people", Map.of("memberId", member, "firstName", "A", "lastName", "B",
                "email", email), bearer(token));

        assertProblem(response, 400);
        assertThat(response.list("errors")).extracting(error -> error.get("field")).containsExactly("email");
    }

    @Test
    void unknownMemberIsRejectedWithTheField() {
        Response response = client.post("/api/people", Map.of("memberId", 987_654_321, "firstName", "A",
                "lastName", "B"), bearer(token));

        assertProblem(response, 400);
        assertThat(response.list("errors")).extracting(error -> error.get("field")).containsExactly("memberId");
    }

    @Test
    void unknownLanguagesAndBadPhonesAreRejected() {
        Response language = client.post("/api/people", Map.of("memberId", member, "firstName", "A", "lastName", "B",
                "languages", List.of("lv", "xx")), bearer(token));
        Response phone = client.post("/api/people", Map.of("memberId", member, "firstName", "A", "lastName", "B",
                "phone", "call me; DELETE FROM person"), bearer(token));

        assertProblem(language, 400);
        assertThat(language.list("errors")).extracting(error -> error.get("field")).containsExactly("languages");
        assertProblem(phone, 400);
        assertThat(phone.list("errors")).extracting(error -> error.get("field")).containsExactly("phone");
    }

    @Test
    void missingAndOverlongFieldsAreListedByName() {
        Response response = client.post("/api/people", Map.of("position", "x".repeat(201)), bearer(token));

        assertProblem(response, 400);
        assertThat(response.list("errors")).extracting(error -> error.get("field"))
                .contains("memberId", "firstName", "lastName", "position");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "not json", "[1,2]",
            "{\"memberId\": \"many\", \"firstName\": \"A\", \"lastName\": \"B\"}",
            "{\"memberId\": 1 \"firstName\": \"A\"}",
            "{\"memberId\": 1, \"firstName\": {\"x\": 1}, \"lastName\": \"B\"}"})
    void malformedJsonIsBadRequest(String body) {
        assertProblem(client.post("/api/people", body, bearer(token)), 400);
    }

    @Test
    void sqlInPathsAndParametersIsRejectedOrMatchesNothing() {
        assertProblem(client.get("/api/people/1%20OR%201=1", bearer(token)), 400);
        assertProblem(client.delete("/api/people/1;DROP%20TABLE%20person", bearer(token)), 404);
        assertProblem(client.get("/api/people?memberId=1%20OR%201=1", bearer(token)), 400);
        Response search = client.get("/api/people?q=%27%20OR%20%271%27=%271", bearer(token));
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.list("items")).isEmpty();
        assertThat(client.get("/api/people?q=%25", bearer(token)).list("items")).isEmpty();
    }

    @Test
    void staleOrMissingVersionsChangeNothing() {
        assertProblem(client.put(location, Map.of("memberId", member, "firstName", "X", "lastName", "Y"),
                bearer(token)), 400);
        assertProblem(client.put(location, Map.of("memberId", member, "firstName", "X", "lastName", "Y",
                "version", 99), bearer(token)), 409);
    }

    @Test
    void wrongContentTypeIsUnsupported() {
        Response response = client.send("/api/people", "POST", "memberId=1", "application/x-www-form-urlencoded",
                bearer(token));

        assertProblem(response, 415);
    }

    private void assertProblem(Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContainIgnoringCase("sql").doesNotContain("eu.koopera")
                .doesNotContain("Exception");
    }

    private String snapshot() {
        String schema = TenantCodes.schemaFor(tenant);
        return Database.text("SELECT string_agg(id || ':' || first_name || ':' || last_name || ':'"
                + " || coalesce(email, '') || ':' || version, ',' ORDER BY id) FROM " + schema + ".person") + "|"
                + Database.count("SELECT count(*) FROM " + schema + ".audit_log") + "|"
                + Database.count("SELECT count(*) FROM " + schema + ".member");
    }
}
