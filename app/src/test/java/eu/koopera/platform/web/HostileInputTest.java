package eu.koopera.platform.web;

import eu.koopera.support.Database;
import eu.koopera.support.IntegrationTest;
import eu.koopera.support.TestClient;
import eu.koopera.support.TestClient.Response;
import eu.koopera.tenancy.TenantCodes;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input an attacker or a careless client sends: NUL bytes and lone surrogates anywhere text goes in, JSON of the
 * wrong shape, text made only of invisible characters, and the same record created many times at once. Each gets
 * a client error that names what is wrong, never a 500, and writes nothing.
 */
@MicronautTest(transactional = false)
class HostileInputTest extends IntegrationTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** JSON escapes, so that the test sends exactly these characters whatever the client's encoder does. */
    private static final String NUL = "\\u0000";
    private static final String LONE_SURROGATE = "\\ud800";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    TestClient client;
    String tenant;
    String token;
    long member;

    @BeforeAll
    void setUp() {
        client = new TestClient(server.getURI(), json);
        tenant = client.createTenantWithAdmin("hostile", "admin-password-123");
        token = client.login(tenant, "admin", "admin-password-123");
        member = Long.parseLong(client.post("/api/members", Map.of("code", "RIX", "name", "Rīga"), bearer(token))
                .string("id"));
        assertThat(client.post("/api/people", Map.of("memberId", member, "firstName", "Ieva", "lastName", "Zariņa",
                "email", "ieva@riga.example"), bearer(token)).status()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "code", "region", "address", "website", "notes", "country"})
    void nulInAnyMemberFieldIsRejectedByName(String field) {
        assertRejectsWithoutWriting(() -> client.post("/api/members",
                memberJson(Map.of(field, "x" + NUL + "y")), bearer(token)), field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"firstName", "lastName", "position", "email", "phone", "notes"})
    void nulInAnyPersonFieldIsRejectedByName(String field) {
        assertRejectsWithoutWriting(() -> client.post("/api/people",
                personJson(Map.of(field, "\"a" + NUL + "@b.lv\"")), bearer(token)), field);
    }

    @Test
    void nulInAListElementIsRejectedByName() {
        assertRejectsWithoutWriting(() -> client.post("/api/people",
                personJson(Map.of("languages", "[\"lv\", \"e" + NUL + "n\"]")), bearer(token)), "languages");
    }

    @Test
    void loneSurrogatesAreRejectedByName() {
        assertRejectsWithoutWriting(() -> client.post("/api/members",
                memberJson(Map.of("name", "Ogre" + LONE_SURROGATE)), bearer(token)), "name");
        assertRejectsWithoutWriting(() -> client.post("/api/people",
                personJson(Map.of("lastName", "\"" + "\\udc00" + "Zariņa\"")), bearer(token)), "lastName");
    }

    @Test
    void nulInAReplacedRecordIsRejectedByName() {
        String id = client.get("/api/members?q=RIX", bearer(token)).list("items").getFirst().get("id").toString();

        assertRejectsWithoutWriting(() -> client.put("/api/members/" + id,
                memberJson(Map.of("name", "R" + NUL, "version", "0")), bearer(token)), "name");
    }

    @Test
    void nulInLoginNameOrPasswordIsRejectedByName() {
        Response name = client.post("/api/auth/login", "{\"username\":\"ad" + NUL + "min\",\"password\":\"x\"}",
                "X-Tenant", tenant);
        Response password = client.post("/api/auth/login",
                "{\"username\":\"admin\",\"password\":\"admin-password-123" + NUL + "\"}", "X-Tenant", tenant);
        Response operator = client.post("/api/auth/login", "{\"username\":\"ad" + NUL + "min\",\"password\":\"x\"}");

        assertProblem(name, 400, "username");
        assertProblem(password, 400, "password");
        assertProblem(operator, 400, "username");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/members?q=a%00b", "/api/members?region=%00", "/api/members?country=L%00",
            "/api/people?q=%00", "/api/members/export?format=csv%00", "/api/members?q=%ED%A0%80"})
    void nulOrBrokenTextInAQueryParameterIsRejectedByName(String path) {
        String parameter = path.substring(path.indexOf('?') + 1, path.indexOf('='));

        assertProblem(client.get(path, bearer(token)), 400, parameter);
    }

    @Test
    void nulInAPathSegmentIsRejected() {
        Response tenantPath = client.get("/api/platform/tenants/bad%00code", bearer(client.operatorToken()));
        Response invitation = client.get("/api/public/invitations/" + tenant + "/tok%00en");
        Response memberId = client.get("/api/members/1%00", bearer(token));

        assertProblem(tenantPath, 400, "path");
        assertProblem(invitation, 400, "path");
        assertThat(memberId.status()).isEqualTo(400);
    }

    @Test
    void nulInACsvCellIsReportedByCell() {
        assertRejectsWithoutWriting(() -> upload("/api/members/import", "code,name\nOGR,Og\u0000re\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv"), null);
        Response members = upload("/api/members/import", "code,name\nOGR,Og\u0000re\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv");
        Response people = upload("/api/people/import", "member_code,first_name,last_name\nRIX,I\u0000,Z\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv");

        assertCellProblem(members, 2, "name");
        assertCellProblem(people, 2, "first_name");
    }

    /** POI's writer does not keep every NUL it is given, so this checks only that no such cell gets further. */
    @Test
    void nulInAnXlsxCellIsReportedByCell() {
        Response members = upload("/api/members/import", workbook(List.of(List.of("code", "name"),
                List.of("OG\u0000R", "Ogre"))), XLSX);

        assertCellProblem(members, 2, "code");
    }

    @Test
    void invisibleOnlyCellsAreEmpty() {
        Response people = upload("/api/people/import", ("member_code,first_name,last_name\n"
                + "RIX,\u200B\u200B,Zariņa\n").getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv");

        assertCellProblem(people, 2, "first_name");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"name\":\"Ogre\",\"code\":\"OGR\"} trailing",
            "{\"name\":\"Ogre\",\"code\":\"OGR\"}{\"name\":\"Cēsis\",\"code\":\"CES\"}",
            "{\"name\":\"Ogre\",\"code\":\"OGR\"}]"})
    void trailingGarbageAfterTheJsonIsRejected(String body) {
        assertRejectsWithoutWriting(() -> client.post("/api/members", body, bearer(token)), null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[\"Ogre\"]", "[\"Ogre\", \"Ogre\"]", "42", "true", "{\"lv\":\"Ogre\"}"})
    void aNonStringWhereAStringBelongsIsRejectedByName(String name) {
        assertRejectsWithoutWriting(() -> client.post("/api/members",
                "{\"name\":" + name + ",\"code\":\"OGR\"}", bearer(token)), "name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "\"12\"", "true", "[12]", "1e3", "99999999999999999999"})
    void anythingButAWholeNumberWhereAnIntegerBelongsIsRejectedByName(String population) {
        assertRejectsWithoutWriting(() -> client.post("/api/members",
                "{\"name\":\"Ogre\",\"code\":\"OGR\",\"population\":" + population + "}", bearer(token)),
                "population");
    }

    @Test
    void aFractionalMemberIdDoesNotAttachToAMember() {
        assertRejectsWithoutWriting(() -> client.post("/api/people",
                personJson(Map.of("memberId", member + ".5")), bearer(token)), "memberId");
        assertRejectsWithoutWriting(() -> client.post("/api/people",
                personJson(Map.of("memberId", "\"" + member + "\"")), bearer(token)), "memberId");
    }

    @Test
    void aStringWhereAListBelongsIsRejectedByName() {
        assertRejectsWithoutWriting(() -> client.post("/api/people",
                personJson(Map.of("languages", "\"lv\"")), bearer(token)), "languages");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u200B\u200B\u200B", "\u2060\uFEFF", " \u200C\u200D\u00A0", "\u3164"})
    void invisibleOnlyTextIsBlank(String name) {
        assertRejectsWithoutWriting(() -> client.post("/api/members",
                Map.of("name", name, "code", "INV"), bearer(token)), "name");
        assertRejectsWithoutWriting(() -> client.post("/api/people", Map.of("memberId", member,
                "firstName", name, "lastName", "Zariņa"), bearer(token)), "firstName");
    }

    @Test
    void textIsStoredWithoutSurroundingInvisibleCharacters() {
        Response created = client.post("/api/members", Map.of("name", " \u200BOgres novads\u00A0\u200B ",
                "code", "TRIM"), bearer(token));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.string("name")).isEqualTo("Ogres novads");
        assertThat(client.delete("/api/members/" + created.string("id"), bearer(token)).status()).isEqualTo(204);
    }

    /** Several rounds, since one round of 20 on two cores does not always overlap the check and the insert. */
    @Test
    void concurrentCreationsOfOneMemberCodeAnswerCreatedOnceAndConflictOtherwise() {
        for (int round = 0; round < 5; round++) {
            String code = "RACE-" + round;
            List<Integer> statuses = simultaneously(20, () -> client.post("/api/members",
                    Map.of("name", "Jelgava", "code", code), bearer(token)).status());

            assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
            assertThat(Database.count("SELECT count(*) FROM " + schema() + ".member WHERE code = '" + code + "'"))
                    .isEqualTo(1);
        }
    }

    @Test
    void concurrentCreationsOfOnePersonEmailAnswerCreatedOnceAndConflictOtherwise() {
        for (int round = 0; round < 5; round++) {
            String email = "janis.race" + round + "@riga.example";
            List<Integer> statuses = simultaneously(20, () -> client.post("/api/people", Map.of("memberId", member,
                    "firstName", "Jānis", "lastName", "Ozols", "email", email), bearer(token)).status());

            assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
            assertThat(Database.count("SELECT count(*) FROM " + schema() + ".person WHERE lower(email) = '"
                    + email + "'")).isEqualTo(1);
        }
    }

    private void assertRejectsWithoutWriting(Supplier<Response> request, String field) {
        String before = snapshot();
        Response response = request.get();
        if (response.status() == 422) {
            assertThat(response.contentType()).startsWith(Problem.MEDIA_TYPE);
        } else {
            assertProblem(response, 400, field);
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    private static void assertProblem(Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(response.string("type")).isEqualTo(Problem.TYPE_PREFIX + "invalid-request");
        assertThat(response.body()).doesNotContain("Exception", "java.", "eu.koopera", "SQL", "\\u0000");
        if (field != null) {
            assertThat(response.list("errors")).as(response.body()).extracting(error -> error.get("field"))
                    .containsExactly(field);
        }
    }

    private void assertCellProblem(Response response, int row, String column) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(response.list("errors")).as(response.body()).anySatisfy(error -> {
            assertThat(error).containsEntry("row", row).containsEntry("column", column);
        });
        assertThat(response.body()).doesNotContain("Exception", "SQL", "\\u0000");
    }

    /** A member body with valid values, {@code overrides} given as raw JSON string content. */
    private static String memberJson(Map<String, String> overrides) {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("name", "Ogre", "code", "OGR", "region", "Vidzeme",
                "address", "Brīvības iela 33", "website", "https://ogre.lv", "notes", "n", "country", "LV"));
        fields.putAll(overrides);
        List<String> members = new ArrayList<>();
        fields.forEach((name, value) -> members.add("\"" + name + "\":"
                + (name.equals("version") ? value : "\"" + value + "\"")));
        return "{" + String.join(",", members) + "}";
    }

    /** A person body with valid values, {@code overrides} given as raw JSON values. */
    private String personJson(Map<String, String> overrides) {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("memberId", Long.toString(member),
                "firstName", "\"Ilze\"", "lastName", "\"Kalniņa\"", "position", "\"Vadītāja\"",
                "email", "\"ilze@ogre.example\"", "phone", "\"+371 2000 0000\"", "notes", "\"n\"",
                "languages", "[\"lv\"]"));
        fields.putAll(overrides);
        List<String> members = new ArrayList<>();
        fields.forEach((name, value) -> members.add("\"" + name + "\":" + value));
        return "{" + String.join(",", members) + "}";
    }

    private <T> List<T> simultaneously(int count, Supplier<T> request) {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(count)) {
            List<CompletableFuture<T>> results = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                results.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return request.get();
                }, threads));
            }
            start.countDown();
            return results.stream().map(CompletableFuture::join).toList();
        }
    }

    private Response upload(String path, byte[] body, String contentType) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(server.getURI() + path)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers().map(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] workbook(List<List<String>> rows) {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet();
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String schema() {
        return TenantCodes.schemaFor(tenant);
    }

    /** Members, people and audit entries, so that any write shows. */
    private String snapshot() {
        return Database.text("SELECT string_agg(id || ':' || code || ':' || name || ':' || version, ',' ORDER BY id)"
                + " FROM " + schema() + ".member") + "|"
                + Database.text("SELECT string_agg(id || ':' || first_name || ':' || version, ',' ORDER BY id) FROM "
                + schema() + ".person") + "|"
                + Database.count("SELECT count(*) FROM " + schema() + ".audit_log");
    }
}
