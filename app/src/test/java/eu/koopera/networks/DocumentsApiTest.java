package eu.koopera.networks;

import eu.koopera.networks.Associations.Association;
import eu.koopera.support.Database;
import eu.koopera.support.IntegrationTest;
import eu.koopera.support.TestClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Documents shared in a network: a Lithuanian participant uploads, the Latvian coordinator downloads the same bytes
 * as an attachment; types are recognised by content, not by name; limits and access hold, and a refused upload
 * writes nothing.
 */
@MicronautTest(transactional = false)
class DocumentsApiTest extends IntegrationTest {

    private static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n"
            + "%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H',
            'D', 'R'};

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();
    TestClient client;
    Association lps;
    Association lsa;
    Association outsider;
    String network;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("koopera.documents.max-size", "64KB");
    }

    @BeforeAll
    void aNetworkSharedByTwoAssociations() {
        client = new TestClient(server.getURI(), json);
        Associations associations = new Associations(client);
        lps = associations.create("lps", "Ogres novads");
        lsa = associations.create("lsa", "Kauno rajono savivaldybė");
        outsider = associations.create("llpa", "Jelgava");
        network = associations.network(lps, "Sadarbība ar iedzīvotājiem", "ACTIVE", null);
        associations.share(lps, network, lsa, "Kauno rajono savivaldybė");
    }

    @Test
    void aParticipantUploadsAndTheOwnerDownloadsTheSameBytesAsASafelyNamedAttachment() throws Exception {
        HttpResponse<String> uploaded = upload("/api/networks/" + network + "/documents", lsa.admin(),
                "../../etc/Programma <2022>.pdf", "text/html", PDF);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        String id = json.readValue(uploaded.body(), Map.class).get("id").toString();
        assertThat(uploaded.body()).contains("\"fileName\":\"Programma 2022.pdf\"", "\"contentType\":\"application/pdf\"");

        HttpResponse<byte[]> download = download("/api/documents/" + id, lps.coordinator());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PDF);
        assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/pdf"));
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
                assertThat(disposition).startsWith("attachment;").contains("filename=\"Programma 2022.pdf\""));
        assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");

        byte[] docx = wordDocument();
        HttpResponse<String> second = upload("/api/documents/" + id + "/versions", lps.coordinator(),
                "Programma.docx", "application/octet-stream", docx);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        assertThat(second.body()).contains("\"latestVersion\":2", "wordprocessingml");
        assertThat(download("/api/documents/" + id, lsa.admin()).body()).isEqualTo(docx);
        assertThat(download("/api/documents/" + id + "?version=1", lsa.admin()).body()).isEqualTo(PDF);

        assertThat(download("/api/documents/" + id, outsider.admin()).statusCode()).isEqualTo(404);
        assertThat(client.get("/api/networks/" + network + "/documents", TestClient.bearer(outsider.admin()))
                .status()).isEqualTo(404);
    }

    @Test
    void htmlOrAnExecutableNamedPdfAnEmptyFileAndAnOversizedOneAreRefusedAndNothingIsWritten() throws Exception {
        int before = Database.count("SELECT count(*) FROM shared.network_document_version");
        String path = "/api/networks/" + network + "/documents";
        HttpResponse<String> html = upload(path, lsa.admin(), "report.pdf", "application/pdf",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        assertThat(html.statusCode()).isEqualTo(422);
        assertThat(html.body()).contains("invalid-content");
        assertThat(upload(path, lsa.admin(), "setup.pdf", "application/pdf",
                new byte[]{'M', 'Z', (byte) 0x90, 0, 3, 0}).statusCode()).isEqualTo(422);
        assertThat(upload(path, lsa.admin(), "empty.pdf", "application/pdf", new byte[0]).statusCode())
                .isEqualTo(400);
        byte[] large = new byte[70 * 1024];
        System.arraycopy(PNG, 0, large, 0, PNG.length);
        HttpResponse<String> tooLarge = upload(path, lsa.admin(), "photo.png", "image/png", large);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(upload(path, outsider.admin(), "x.pdf", "application/pdf", PDF).statusCode()).isEqualTo(404);
        assertThat(Database.count("SELECT count(*) FROM shared.network_document_version")).isEqualTo(before);
    }

    private HttpResponse<String> upload(String path, String token, String fileName, String declaredType,
                                        byte[] content) throws IOException, InterruptedException {
        String boundary = "----koopera" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + declaredType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURI() + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> download(String path, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.getURI() + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] wordDocument() throws IOException {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText("Programma");
            document.write(out);
            return out.toByteArray();
        }
    }
}
