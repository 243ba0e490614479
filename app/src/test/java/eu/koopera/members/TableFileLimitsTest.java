package eu.koopera.members;

import eu.koopera.support.Database;
import eu.koopera.support.IntegrationTest;
import eu.koopera.support.TestClient;
import eu.koopera.support.TestClient.Response;
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

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imports and exports within bounds: an export holds no database connection while it writes its file, excess
 * parallel files wait briefly and are then refused 429, and an XLSX over any limit (cells, distinct texts,
 * expansion) is refused 413 with a code naming the limit, before anything is written.
 */
@MicronautTest(transactional = false)
class TableFileLimitsTest extends IntegrationTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String PASSWORD = "admin-password-123";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    PausedTableWriter writer;

    TestClient client;
    String tenant;
    String admin;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("test.paused-table-writer", "true",
                "koopera.table-files.concurrency", "1",
                "koopera.table-files.concurrency-per-tenant", "1",
                "koopera.table-files.max-wait", "200ms",
                "koopera.import.max-cells", "60",
                "koopera.import.max-shared-strings", "40");
    }

    @BeforeAll
    void setUp() {
        client = new TestClient(server.getURI(), json);
        tenant = client.createTenantWithAdmin("files", PASSWORD);
        admin = client.login(tenant, "admin", PASSWORD);
        for (int i = 1; i <= 5; i++) {
            assertThat(client.post("/api/members", Map.of("code", "M" + i, "name", "Member " + i),
                    bearer(admin)).status()).isEqualTo(201);
        }
    }

    @Test
    void anExportWritingItsFileHoldsNoConnectionAndASecondOneIsRefused429MeanwhileNot500() throws Exception {
        CompletableFuture<Response> first = CompletableFuture.supplyAsync(
                () -> client.get("/api/members/export?format=xlsx", bearer(admin)));
        try {
            assertThat(writer.writing.await(20, TimeUnit.SECONDS)).as("the export reached its file").isTrue();

            assertThat(Database.count("SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid()"
                    + " AND state LIKE 'idle in transaction%'")).as("transactions open while the file is written")
                    .isZero();
            Response second = client.get("/api/members/export?format=csv", bearer(admin));
            assertThat(second.status()).isEqualTo(429);
            assertThat(second.contentType()).startsWith("application/problem+json");
            assertThat(second.string("code")).isEqualTo("files.busy");
            assertThat(Long.parseLong(second.header("Retry-After"))).isPositive();
            Response read = client.get("/api/members?size=5", bearer(admin));
            assertThat(read.status()).as("ordinary reads go on").isEqualTo(200);
        } finally {
            writer.proceed.countDown();
        }
        assertThat(first.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(client.get("/api/members/export?format=csv", bearer(admin)).status()).as("turn given back")
                .isEqualTo(200);
    }

    @Test
    void aWorkbookWithMoreCellsThanTheLimitIsRefused413AndNothingIsImported() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("code", "name", "region"));
        for (int i = 0; i < 25; i++) {
            rows.add(List.of("C" + i, "Cells", "R"));
        }

        Response refused = importXlsx(workbook(rows));

        assertThat(refused.status()).as(refused.body()).isEqualTo(413);
        assertThat(refused.string("code")).isEqualTo("import.tooManyCells");
        assertThat(client.get("/api/members?q=Cells", bearer(admin)).list("items")).isEmpty();
    }

    @Test
    void aWorkbookWithMoreDistinctTextsThanTheLimitIsRefused413() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("code", "name"));
        for (int i = 0; i < 25; i++) {
            rows.add(List.of("S" + i, "Strings " + i));
        }

        Response refused = importXlsx(workbook(rows));

        assertThat(refused.status()).as(refused.body()).isEqualTo(413);
        assertThat(refused.string("code")).isEqualTo("import.tooManyStrings");
    }

    @Test
    void aZipBombIsRefused413AsExpansionNotReadAsAWorkbook() throws Exception {
        byte[] bomb = inflated(workbook(List.of(List.of("code", "name"), List.of("Z1", "Bomb"))),
                50 * 1024 * 1024);

        Response refused = importXlsx(bomb);

        assertThat(refused.status()).as(refused.body()).isEqualTo(413);
        assertThat(refused.string("code")).isEqualTo("import.expansion");
    }

    @Test
    void aWorkbookWithinTheLimitsStillImports() throws Exception {
        Response imported = importXlsx(workbook(List.of(List.of("code", "name"), List.of("OK1", "Within"),
                List.of("OK2", "Limits"))));

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.map()).containsEntry("created", 2);
    }

    private Response importXlsx(byte[] file) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.getURI() + "/api/members/import"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", XLSX)
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)).build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body(), response.headers().map(), json);
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

    /** The workbook with {@code padding} bytes of white space in its sheet, which deflate a thousandfold. */
    private static byte[] inflated(byte[] workbook, int padding) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook));
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().startsWith("xl/worksheets/")) {
                    String xml = new String(content, java.nio.charset.StandardCharsets.UTF_8);
                    int at = xml.indexOf("<sheetData");
                    out.write(xml.substring(0, at).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    byte[] spaces = new byte[1024 * 1024];
                    java.util.Arrays.fill(spaces, (byte) ' ');
                    for (int i = 0; i < padding / spaces.length; i++) {
                        out.write(spaces);
                    }
                    out.write(xml.substring(at).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                } else {
                    out.write(content);
                }
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
