package eu.koopera.platform.web;

import eu.koopera.support.IntegrationTest;
import eu.koopera.support.TestClient;
import eu.koopera.support.TestClient.Response;
import eu.koopera.support.TestDatabase;
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

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of bad input gets a clear problem response and leaves the data exactly as it was. */
@MicronautTest(transactional = false)
class BadInputTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    TestClient client;
    String tenant;
    String token;
    String snapshot;

    @BeforeAll
    void setUp() throws SQLException {
        client = new TestClient(server.getURI(), json);
        tenant = client.createTenantWithAdmin("bad", "admin-password-123");
        token = client.login(tenant, "admin", "admin-password-123");
        assertThat(client.post("/api/members", Map.of("code", "RIX", "name", "Rīga"), bearer(token)).status())
                .isEqualTo(201);
        snapshot = membersSnapshot();
    }

    @AfterEach
    void dataIsUnchanged() throws SQLException {
        assertThat(membersSnapshot()).isEqualTo(snapshot);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"name\": \"Ogre\", \"code\": ", "not json", "[1,2,3]", "{\"name\": \"Ogre\" \"code\": \"OGR\"}"})
    void malformedJsonIsBadRequest(String body) {
        Response response = client.post("/api/members", body, bearer(token));

        assertProblem(response, 400);
    }

    @Test
    void missingRequiredFieldsAreListedByName() {
        Response response = client.post("/api/members", Map.of("region", "Vidzeme"), bearer(token));

        assertProblem(response, 400);
        assertThat(response.list("errors")).extracting(error -> error.get("field")).contains("name", "code");
    }

    @Test
    void wrongTypesAreBadRequest() {
        assertProblem(client.post("/api/members", "{\"name\":\"Ogre\",\"code\":\"OGR\",\"population\":\"many\"}",
                bearer(token)), 400);
        assertProblem(client.post("/api/members", "{\"name\":\"Ogre\",\"code\":\"OGR\",\"kind\":\"CASTLE\"}",
                bearer(token)), 400);
        assertProblem(client.post("/api/members", "{\"name\":{\"text\":\"Ogre\"},\"code\":\"OGR\"}", bearer(token)), 400);
        assertProblem(client.post("/api/members", "{\"name\":\"Ogre\",\"code\":\"OGR\",\"population\":-5}",
                bearer(token)), 400);
    }

    @Test
    void oversizeBodyIsRefused() {
        String huge = "{\"name\":\"" + "x".repeat(6 * 1024 * 1024) + "\",\"code\":\"BIG\"}";

        Response response = client.post("/api/members", huge, bearer(token));

        assertThat(response.status()).isEqualTo(413);
    }

    @Test
    void tooLongFieldsAreRejected() {
        Response response = client.post("/api/members", Map.of("name", "x".repeat(201), "code", "LONG"),
                bearer(token));

        assertProblem(response, 400);
        assertThat(response.list("errors")).extracting(error -> error.get("field")).containsExactly("name");
    }

    @Test
    void sqlLookingCodeIsRejected() {
        assertProblem(client.post("/api/members", Map.of("name", "x", "code", "X'; DROP TABLE member;--"),
                bearer(token)), 400);
    }

    @Test
    void sqlLookingSearchFindsNothingAndBreaksNothing() {
        for (String query : new String[]{"' OR '1'='1", "%'; DROP TABLE member; --", "\\", "%_%"}) {
            Response response = client.get("/api/members?q=" + java.net.URLEncoder.encode(query,
                    java.nio.charset.StandardCharsets.UTF_8), bearer(token));
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.string("total")).isEqualTo("0");
        }
    }

    @Test
    void badPagingIsRejected() {
        assertProblem(client.get("/api/members?size=1000", bearer(token)), 400);
        assertProblem(client.get("/api/members?page=-1", bearer(token)), 400);
        assertProblem(client.get("/api/members?size=abc", bearer(token)), 400);
    }

    @Test
    void unknownOrMalformedIdsAreClientErrors() {
        assertProblem(client.get("/api/members/999999", bearer(token)), 404);
        assertProblem(client.get("/api/members/abc", bearer(token)), 400);
        assertProblem(client.delete("/api/members/999999", bearer(token)), 404);
    }

    @Test
    void missingOrGarbageCredentialsAreUnauthorized() {
        assertProblem(client.get("/api/members"), 401);
        assertProblem(client.get("/api/members", "Authorization", "Bearer not.a.token"), 401);
        assertProblem(client.get("/api/members", "Authorization", "Basic YWRtaW46YWRtaW4="), 401);
    }

    @Test
    void wrongContentTypeIsRefused() {
        Response response = client.send("/api/members", "POST", "name=Ogre&code=OGR",
                "application/x-www-form-urlencoded", bearer(token));

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void unknownRouteIsAProblemToo() {
        assertProblem(client.get("/api/no-such-thing", bearer(token)), 404);
    }

    /** SQL-looking text in every text field is stored as text; this one write is then undone by the test. */
    @Test
    void sqlLookingTextIsStoredLiterally() throws SQLException {
        String name = "Robert'); DROP TABLE member; --";
        Map<String, Object> member = new HashMap<>(Map.of("name", name, "code", "SQLI",
                "region", "' OR 1=1 --"));
        Response created = client.post("/api/members", member, bearer(token));
        assertThat(created.status()).isEqualTo(201);
        assertThat(client.get("/api/members/" + created.string("id"), bearer(token)).string("name")).isEqualTo(name);
        assertThat(client.delete("/api/members/" + created.string("id"), bearer(token)).status()).isEqualTo(204);
    }

    private static void assertProblem(Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.string("status")).isEqualTo(Integer.toString(status));
        assertThat(response.string("type")).startsWith("https://koopera.eu/problems/");
        assertThat(response.string("title")).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception", "java.", "org.", "SQL", "t_bad", "search_path");
    }

    private String membersSnapshot() throws SQLException {
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT string_agg(id || ':' || code || ':' || name || ':' "
                     + "|| version, ',' ORDER BY id) FROM " + TenantCodes.schemaFor(tenant) + ".member")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
