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
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class PeopleImportTest extends IntegrationTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    TestClient client;
    String tenant;
    String admin;

    @BeforeEach
    void freshTenantWithTwoMembers() {
        client = new TestClient(server.getURI(), json);
        tenant = client.createTenantWithAdmin("pimp", "admin-password-123");
        admin = client.login(tenant, "admin", "admin-password-123");
        client.post("/api/members", Map.of("code", "LV-067", "name", "Ogres novads"), bearer(admin));
        client.post("/api/members", Map.of("code", "LV-022", "name", "Cēsu novads"), bearer(admin));
    }

    @Test
    void headerInAnyOrderAndCaseImportsEveryRow() {
        Response imported = importCsv("""
                EMAIL;Last_Name;First_Name;Member_Code;Languages;Position
                ilze@ogre.example;Kalniņa;Ilze;LV-067;lv en,RU;Izpilddirektore
                ;Ozols;Pēteris;LV-022;;
                """, "");

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.map()).containsEntry("created", 2).containsEntry("updated", 0)
                .containsEntry("dryRun", false);
        assertThat(people()).isEqualTo(2);
        Map<String, Object> ilze = client.get("/api/people?q=ilze", bearer(admin)).list("items").getFirst();
        assertThat(ilze).containsEntry("memberName", "Ogres novads")
                .containsEntry("languages", List.of("lv", "en", "ru")).containsEntry("position", "Izpilddirektore");
        assertThat(client.get("/api/audit?entityType=person&action=CREATE", bearer(admin)).list("items")).hasSize(2);
    }

    @Test
    void badRowsAreReportedByCellAndNothingIsWritten() {
        Response rejected = importCsv("""
                member_code,first_name,last_name,email,languages,phone
                LV-067,Ilze,Kalniņa,ilze@ogre.example,lv,+371 2000 0000
                LV-999,Unknown,Member,,,
                LV-022,Bad,Email,not-an-email,,
                LV-022,Second,Ilze,ILZE@ogre.example,,
                LV-067,,Nameless,,xx,
                LV-067,Bad,Phone,,,call me
                """, "");

        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.contentType()).startsWith("application/problem+json");
        assertThat(rejected.list("errors")).extracting(e -> e.get("row") + ":" + e.get("column"))
                .containsExactlyInAnyOrder("3:member_code", "4:email", "5:email", "6:first_name", "6:languages",
                        "7:phone");
        assertThat(rejected.list("errors")).filteredOn(e -> e.get("row").equals(5)).first()
                .satisfies(error -> assertThat(error.get("message").toString()).contains("row 2"));
        assertThat(people()).isZero();
    }

    @Test
    void missingRequiredAndUnknownColumnsAreReported() {
        Response response = importCsv("member_code,name,email\nLV-067,Ilze,ilze@ogre.example\n", "");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.list("errors")).extracting(e -> e.get("column"))
                .containsExactlyInAnyOrder("first_name", "last_name", "name");
        assertThat(people()).isZero();
    }

    @Test
    void dryRunCountsButWritesNothing() {
        importCsv("member_code,first_name,last_name,email\nLV-067,Ilze,Kalniņa,ilze@ogre.example\n", "");

        Response dryRun = importCsv("member_code,first_name,last_name,email\nLV-067,Ilze,Kalniņa,ILZE@ogre.example\n"
                + "LV-022,Jānis,Bērziņš,\n", "?dryRun=true");

        assertThat(dryRun.status()).isEqualTo(200);
        assertThat(dryRun.map()).containsEntry("created", 1).containsEntry("updated", 1).containsEntry("dryRun", true);
        assertThat(people()).isEqualTo(1);
    }

    @Test
    void reImportUpdatesByEmailRegardlessOfCaseAndKeepsColumnsTheFileLacks() {
        importCsv("member_code,first_name,last_name,email,phone,position\n"
                + "LV-067,Ilze,Kalniņa,ilze@ogre.example,+371 2000 0000,Vadītāja\n", "");

        Response again = importCsv("member_code,first_name,last_name,email\n"
                + "LV-022,Ilze,Kalniņa-Ozola,ILZE@OGRE.EXAMPLE\nLV-022,Jānis,Bērziņš,janis@cesis.example\n", "");

        assertThat(again.map()).containsEntry("created", 1).containsEntry("updated", 1);
        assertThat(people()).isEqualTo(2);
        Map<String, Object> ilze = client.get("/api/people?q=ozola", bearer(admin)).list("items").getFirst();
        assertThat(ilze).containsEntry("memberName", "Cēsu novads").containsEntry("phone", "+371 2000 0000")
                .containsEntry("position", "Vadītāja").containsEntry("email", "ilze@ogre.example")
                .containsEntry("version", 1);
        assertThat(client.get("/api/audit?entityType=person&action=UPDATE", bearer(admin)).list("items")).hasSize(1);
    }

    @Test
    void xlsxImportsAndExportsTheSameColumns() throws IOException, InterruptedException {
        Response imported = post("/api/people/import", workbook(List.of(
                List.of("member_code", "first_name", "last_name", "email", "phone", "languages"),
                List.of("LV-067", "Ilze", "Kalniņa", "ilze@ogre.example", "37120000000", "lv, en"))), XLSX, admin);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);

        byte[] exported = download("/api/people/export?format=xlsx", admin);
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("member_code");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("LV-067");
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("Kalniņa");
            assertThat(sheet.getRow(1).getCell(6).getStringCellValue()).isEqualTo("lv, en");
        }
        String csv = new String(download("/api/people/export?format=csv", admin), StandardCharsets.UTF_8);
        assertThat(csv).contains("member_code;first_name;last_name;position;email;phone;languages")
                .contains("LV-067;Ilze;Kalniņa;;ilze@ogre.example;37120000000;lv, en");
    }

    @Test
    void anExportImportsBackUnchangedThoughItsPhoneNumbersLookLikeFormulas() throws IOException, InterruptedException {
        importCsv("member_code,first_name,last_name,email,phone\n"
                + "LV-067,Ilze,Kalniņa,ilze@ogre.example,+371 2000 0000\n", "");

        byte[] csv = download("/api/people/export?format=csv", admin);
        byte[] xlsx = download("/api/people/export?format=xlsx", admin);

        assertThat(new String(csv, StandardCharsets.UTF_8)).contains(";'+371 2000 0000;");
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Cell phone = workbook.getSheetAt(0).getRow(1).getCell(5);
            assertThat(phone.getStringCellValue()).isEqualTo("+371 2000 0000");
            assertThat(phone.getCellStyle().getQuotePrefixed()).isTrue();
        }
        for (Response again : List.of(post("/api/people/import", csv, "text/csv", admin),
                post("/api/people/import", xlsx, XLSX, admin))) {
            assertThat(again.status()).as(again.body()).isEqualTo(200);
            assertThat(again.map()).containsEntry("created", 0).containsEntry("updated", 1);
        }
        assertThat(client.get("/api/people?q=ilze", bearer(admin)).list("items")).singleElement()
                .satisfies(ilze -> assertThat(ilze).containsEntry("phone", "+371 2000 0000"));
    }

    @Test
    void membersMayNeitherImportNorExport() throws IOException, InterruptedException {
        client.post("/api/platform/tenants/" + tenant + "/users", Map.of("username", "reader", "password",
                "reader-password-123", "roles", List.of("MEMBER")), bearer(client.operatorToken()));
        String reader = client.login(tenant, "reader", "reader-password-123");

        assertThat(post("/api/people/import", "member_code,first_name,last_name\nLV-067,A,B\n"
                .getBytes(StandardCharsets.UTF_8), "text/csv", reader).status()).isEqualTo(403);
        HttpResponse<byte[]> export = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.getURI() + "/api/people/export")).header("Authorization", "Bearer " + reader)
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(export.statusCode()).isEqualTo(403);
        assertThat(people()).isZero();
    }

    private Response importCsv(String csv, String query) {
        return post("/api/people/import" + query, csv.getBytes(StandardCharsets.UTF_8), "text/csv", admin);
    }

    private Response post(String path, byte[] body, String contentType, String token) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(server.getURI() + path)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers().map(), json);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] download(String path, String token) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.getURI() + path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static byte[] workbook(List<List<String>> rows) throws IOException {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet();
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            workbook.write(bytes);
            return bytes.toByteArray();
        }
    }

    private int people() {
        return Database.count("SELECT count(*) FROM " + TenantCodes.schemaFor(tenant) + ".person");
    }
}
