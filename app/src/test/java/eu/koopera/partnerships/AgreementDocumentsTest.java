package eu.koopera.partnerships;

import eu.koopera.networks.Associations;
import eu.koopera.networks.Associations.Association;
import eu.koopera.platform.documents.DocumentTypes;
import eu.koopera.support.IntegrationTest;
import eu.koopera.support.TestClient;
import eu.koopera.support.TestClient.Response;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signed text of an agreement: uploaded by the owner, listed and downloaded by the association named in it
 * once it can read the agreement, invisible to a third association; files are checked by content.
 */
@MicronautTest(transactional = false)
class AgreementDocumentsTest extends IntegrationTest {

    private static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n"
            + "%%EOF\n").getBytes(StandardCharsets.US_ASCII);

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    TestClient client;
    Association lps;
    Association lsa;
    Association third;
    String twinning;

    @BeforeAll
    void aTwinningBetweenTwoAssociations() {
        client = new TestClient(server.getURI(), json);
        Associations arrange = new Associations(client);
        lps = arrange.create("agdoc", "Bauska");
        lsa = arrange.create("agdoclt", "Pasvalys");
        third = arrange.create("agdocx", "Tartu");
        twinning = new Agreements(client).create(lps, Agreements.twinning(lps.member("Bauska"), lsa.code(),
                lsa.member("Pasvalys")));
    }

    @Test
    void theOwnerUploadsTheSignedTextAndTheNamedAssociationDownloadsTheSameBytes() {
        Response uploaded = client.upload(path(), "Līgums ../parakstīts.pdf", "application/octet-stream", PDF,
                bearer(lps.coordinator()));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        assertThat(uploaded.string("mediaType")).isEqualTo("application/pdf");
        assertThat(uploaded.string("sha256")).isEqualTo(DocumentTypes.sha256(PDF));
        assertThat(uploaded.string("fileName")).doesNotContain("/").endsWith(".pdf");

        Response listed = client.get(path(), bearer(lsa.admin()));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).contains(uploaded.string("id"));
        HttpResponse<byte[]> download = client.getBytes(path() + "/" + uploaded.string("id"), bearer(lsa.admin()));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PDF);
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");

        assertThat(client.get(path(), bearer(third.admin())).status()).isEqualTo(404);
        assertThat(client.getBytes(path() + "/" + uploaded.string("id"), bearer(third.admin())).statusCode())
                .isEqualTo(404);
        assertThat(client.upload(path(), "a.pdf", "application/pdf", PDF, bearer(lsa.admin())).status())
                .isEqualTo(403);
        assertThat(client.upload(path(), "a.pdf", "application/pdf", PDF, bearer(third.admin())).status())
                .isEqualTo(404);
    }

    @Test
    void filesThatAreNotDocumentsAreRefusedAndNothingIsWritten() {
        String before = client.get(path(), bearer(lps.admin())).body();
        Response script = client.upload(path(), "signed.pdf", "application/pdf",
                "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), bearer(lps.admin()));
        assertThat(script.status()).isEqualTo(422);
        assertThat(script.body()).contains("document.unsupported");
        Response empty = client.upload(path(), "empty.pdf", "application/pdf", new byte[0], bearer(lps.admin()));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(client.get(path(), bearer(lps.admin())).body()).isEqualTo(before);
        Response missing = client.get(path() + "/00000000-0000-0000-0000-000000000001", bearer(lps.admin()));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.string("code")).isEqualTo("agreement.documentNotFound");
    }

    private String path() {
        return "/api/agreements/" + twinning + "/documents";
    }
}
