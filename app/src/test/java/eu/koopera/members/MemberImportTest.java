package eu.koopera.members;

import eu.koopera.support.IntegrationTest;
import eu.koopera.support.TestClient;
import eu.koopera.support.TestClient.Response;
import eu.koopera.support.TestDatabase;
import eu.koopera.tenancy.TenantCodes;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
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
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class MemberImportTest extends IntegrationTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    TestClient client;
    String tenant;
    String admin;

    @BeforeEach
    void freshTenant() {
        client = new TestClient(server.getURI(), json);
        tenant = client.createTenantWithAdmin("imp", "admin-password-123");
        admin = client.login(tenant, "admin", "admin-password-123");
    }

    @Test
    void sixtyRowsWithThreeBadOnesAreReportedThenImportedOnceFixed() throws SQLException {
        StringBuilder csv = new StringBuilder("Name;CODE;kind;population\n");
        for (int i = 1; i <= 60; i++) {
            String kind = i == 7 ? "CASTLE" : "MUNICIPALITY";
            String population = i == 21 ? "many" : Integer.toString(1000 + i);
            String code = i == 44 ? "M001" : String.format("M%03d", i);
            csv.append("Pašvaldība ").append(i).append(';').append(code).append(';').append(kind).append(';')
                    .append(population).append('\n');
        }

        Response rejected = importCsv(csv.toString(), "");

        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.contentType()).startsWith("application/problem+json");
        assertThat(rejected.list("errors")).extracting(e -> e.get("row") + ":" + e.get("column"))
                .containsExactlyInAnyOrder("8:kind", "22:population", "45:code");
        assertThat(memberCount()).isZero();

        String fixed = csv.toString().replace("CASTLE", "MUNICIPALITY").replace(";many", ";1021")
                .replace("Pašvaldība 44;M001", "Pašvaldība 44;M044");
        Response imported = importCsv(fixed, "");

        assertThat(imported.status()).isEqualTo(200);
        assertThat(imported.map()).containsEntry("created", 60).containsEntry("updated", 0);
        assertThat(memberCount()).isEqualTo(60);
    }

    @Test
    void reImportUpdatesByCodeInsteadOfDuplicating() throws SQLException {
        importCsv("code,name,region\nRIX,Rīga,Rīga\nJUR,Jūrmala,Rīga\n", "");

        Response again = importCsv("name,code,website\nRīgas valstspilsēta,RIX,https://www.riga.lv\n"
                + "Valmiera,VAL,\n", "");

        assertThat(again.map()).containsEntry("created", 1).containsEntry("updated", 1);
        assertThat(memberCount()).isEqualTo(3);
        Map<String, Object> riga = client.get("/api/members?q=RIX", bearer(admin)).list("items").getFirst();
        assertThat(riga).containsEntry("name", "Rīgas valstspilsēta").containsEntry("region", "Rīga")
                .containsEntry("website", "https://www.riga.lv");
        assertThat(client.get("/api/audit?entityType=member&action=UPDATE", bearer(admin)).list("items")).hasSize(1);
    }

    @Test
    void kindsMayBeGivenByTheNamesTheUiShowsAndErrorsCarryCodesForTranslation() throws SQLException {
        Response rejected = importCsv("code,name,kind,population\nRIX,Rīga,Valstspilsēta,abc\n"
                + "KED,Kėdainių rajono savivaldybė,rajono savivaldybė,\nX,X,Galaxy,\n", "");

        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.list("errors")).extracting(e -> e.get("row") + ":" + e.get("code") + ":" + e.get("params"))
                .containsExactlyInAnyOrder("2:import.wholeNumber:[abc]", "4:import.kind.unknown:[Galaxy]");
        assertThat(memberCount()).isZero();

        Response imported = importCsv("code,name,kind\nRIX,Rīga,Valstspilsēta\n"
                + "KED,Kėdainių rajono savivaldybė,rajono savivaldybė\nOTH,Cita,OTHER\n", "");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(client.get("/api/members?sort=code", bearer(admin)).list("items"))
                .extracting(item -> item.get("code") + ":" + item.get("kind"))
                .containsExactly("KED:DISTRICT_MUNICIPALITY", "OTH:OTHER", "RIX:STATE_CITY");
    }

    @Test
    void dryRunCountsButWritesNothing() throws SQLException {
        Response dryRun = importCsv("code,name\nA1,Alpha\nB2,Beta\n", "?dryRun=true");

        assertThat(dryRun.status()).isEqualTo(200);
        assertThat(dryRun.map()).containsEntry("created", 2).containsEntry("dryRun", true);
        assertThat(memberCount()).isZero();
    }

    @Test
    void xlsxImportsAndExportsTheSameColumns() throws IOException, SQLException, InterruptedException {
        Response imported = post("/api/members/import", workbook(List.of(
                List.of("code", "name", "kind", "population"),
                List.of("LT-KED", "Kėdainių rajono savivaldybė", "district_municipality", "45000"))), XLSX);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(memberCount()).isEqualTo(1);

        byte[] exported = download("/api/members/export?format=xlsx");
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("code");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("Kėdainių rajono savivaldybė");
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("DISTRICT_MUNICIPALITY");
        }
    }

    @Test
    void exportDefusesFormulas() throws IOException, InterruptedException, SQLException {
        importCsv("code,name,region\nF1,\"=cmd|' /C calc'!A0\",+SUM(A1)\n", "");

        String csv = new String(download("/api/members/export?format=csv"), StandardCharsets.UTF_8);

        assertThat(csv).contains("'=cmd|' /C calc'!A0").contains("'+SUM(A1)").doesNotContain(";=cmd");
    }

    @Test
    void wrongEncodingIsReportedAndNothingWritten() throws SQLException {
        byte[] latin = "code,name\nK1,K\u0113dainiai\n".getBytes(Charset.forName("ISO-8859-13"));

        Response response = post("/api/members/import", latin, "text/csv");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.string("detail")).contains("UTF-8");
        assertThat(memberCount()).isZero();
    }

    @Test
    void missingRequiredAndUnknownColumnsAreReported() {
        Response response = importCsv("code,title\nX1,Something\n", "");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.list("errors")).extracting(e -> e.get("column")).containsExactlyInAnyOrder("name", "title");
    }

    @Test
    void unbalancedQuotesAreReported() throws SQLException {
        Response response = importCsv("code,name\nQ1,\"Unclosed\nQ2,Fine\n", "");

        assertThat(response.status()).isEqualTo(422);
        assertThat(memberCount()).isZero();
    }

    @Test
    void tooManyRowsAreRefusedWithTheLimit() throws SQLException {
        StringBuilder csv = new StringBuilder("code,name\n");
        for (int i = 0; i < 100_000; i++) {
            csv.append('C').append(i).append(",N\n");
        }

        Response response = importCsv(csv.toString(), "");

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.string("detail")).contains("20000");
        assertThat(memberCount()).isZero();
    }

    @Test
    void duplicateCodesAndBadCellsInOneFileAreAllListed() {
        Response response = importCsv("code,name,website\nD1,One,ftp://x\nD1,Two,\n,Three,\n", "");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.list("errors")).extracting(e -> e.get("row") + ":" + e.get("column"))
                .containsExactlyInAnyOrder("2:website", "3:code", "4:code");
    }

    @Test
    void membersMayExportButNotImport() {
        String operator = client.operatorToken();
        client.post("/api/platform/tenants/" + tenant + "/users", Map.of("username", "reader", "password",
                "reader-password-123", "roles", List.of("MEMBER")), bearer(operator));
        String reader = client.login(tenant, "reader", "reader-password-123");

        assertThat(post("/api/members/import", "code,name\nZ1,Z\n".getBytes(StandardCharsets.UTF_8), "text/csv",
                reader).status()).isEqualTo(403);
    }

    private Response importCsv(String csv, String query) {
        return post("/api/members/import" + query, csv.getBytes(StandardCharsets.UTF_8), "text/csv");
    }

    private Response post(String path, byte[] body, String contentType) {
        return post(path, body, contentType, admin);
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

    private byte[] download(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.getURI() + path)).header("Authorization", "Bearer " + admin).GET().build(),
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

    private int memberCount() throws SQLException {
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + TenantCodes.schemaFor(tenant)
                     + ".member")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
