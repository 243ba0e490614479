package eu.koopera.benchlearning;

import eu.koopera.support.IntegrationTest;
import eu.koopera.support.TestClient;
import eu.koopera.support.TestClient.Response;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.List;
import java.util.Map;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/** Anonymous open data: opt-in, Kolada-like shape, paging, ETag and Cache-Control, rate limit. */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenDataApiTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    TestClient client;
    String tenant;
    String admin;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("koopera.open-data.requests-per-minute", "60");
    }

    @BeforeAll
    void association() {
        client = new TestClient(server.getURI(), json);
        tenant = client.createTenantWithAdmin("opn", "admin-password-123");
        admin = client.login(tenant, "admin", "admin-password-123");
        StringBuilder csv = new StringBuilder("indicator;municipality;gender;2023;2024\n");
        for (String member : List.of("LV-011", "LV-021", "LV-033")) {
            assertThat(client.post("/api/members", Map.of("code", member, "name", "Novads " + member),
                    bearer(admin)).status()).isEqualTo(201);
            csv.append("edu.rate;").append(member).append(";T;10;11\n");
            csv.append("edu.rate;").append(member).append(";F;12;13\n");
        }
        assertThat(client.post("/api/indicators", Map.of("code", "edu.rate", "name", Map.of("lv", "Likme",
                "en", "Rate"), "direction", "HIGHER_IS_BETTER", "genderSplit", true), bearer(admin)).status())
                .isEqualTo(201);
        Response imported = client.send("/api/indicator-values/import?format=wide", "POST", csv.toString(),
                "text/csv", bearer(admin));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    }

    @Test
    @Order(1)
    void nothingIsOpenUntilAnAdministratorPublishes() {
        assertThat(client.get("/api/open/" + tenant + "/indicators").status()).isEqualTo(404);
        assertThat(client.get("/api/open/nosuchtenant/indicators").status()).isEqualTo(404);
        assertThat(client.get("/api/benchlearning/open-data", bearer(admin)).map()).containsEntry("enabled", false);
        String coordinatorless = client.put("/api/benchlearning/open-data", Map.of("enabled", true)).toString();
        assertThat(coordinatorless).contains("401");
        Response published = client.put("/api/benchlearning/open-data", Map.of("enabled", true), bearer(admin));
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void theCatalogueAndValuesAreReadAnonymouslyWithCachingHeaders() {
        Response catalogue = client.get("/api/open/" + tenant + "/indicators");
        assertThat(catalogue.status()).isEqualTo(200);
        assertThat(catalogue.map()).containsEntry("count", 1);
        assertThat(catalogue.header("Cache-Control")).isEqualTo("public, max-age=300");
        String etag = catalogue.header("ETag");
        assertThat(etag).matches("\"[0-9a-f]{64}\"");
        Response again = client.get("/api/open/" + tenant + "/indicators", "If-None-Match", etag);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        Response first = client.get("/api/open/" + tenant + "/values?indicator=edu.rate&size=4");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.map()).containsEntry("count", 6)
                .containsEntry("nextPage", "/api/open/" + tenant + "/values?indicator=edu.rate&page=1&size=4");
        List<Map<String, Object>> values = first.list("values");
        assertThat(values).extracting(v -> v.get("kpi") + " " + v.get("municipality") + " " + v.get("period"))
                .containsExactly("edu.rate LV-011 2023", "edu.rate LV-011 2024", "edu.rate LV-021 2023",
                        "edu.rate LV-021 2024");
        assertThat(values.getFirst().get("values").toString()).contains("gender=F", "value=12", "gender=T",
                "value=10");
        Response last = client.get("/api/open/" + tenant + "/values?indicator=edu.rate&size=4&page=1");
        assertThat(last.list("values")).hasSize(2);
        assertThat(last.map().get("nextPage")).isNull();
        Response filtered = client.get("/api/open/" + tenant + "/values?municipality=LV-033&year=2024");
        assertThat(filtered.list("values")).extracting(v -> v.get("municipality") + " " + v.get("period"))
                .containsExactly("LV-033 2024");

        Response unfiltered = client.get("/api/open/" + tenant + "/values");
        assertThat(unfiltered.status()).isEqualTo(400);
        assertThat(unfiltered.map()).containsEntry("code", "openData.filter.required");
        assertThat(client.get("/api/open/" + tenant + "/values?indicator=edu.rate&year=20x4").status())
                .isEqualTo(400);
    }

    @Test
    @Order(3)
    void withdrawnDataIsGoneAtOnce() {
        assertThat(client.put("/api/benchlearning/open-data", Map.of("enabled", false), bearer(admin)).status())
                .isEqualTo(200);
        assertThat(client.get("/api/open/" + tenant + "/indicators").status()).isEqualTo(404);
        assertThat(client.put("/api/benchlearning/open-data", Map.of("enabled", true), bearer(admin)).status())
                .isEqualTo(200);
    }

    @Test
    @Order(4)
    void oneClientIsLimitedWithRetryAfter() {
        Response limited = null;
        for (int i = 0; i < 80 && limited == null; i++) {
            Response response = client.get("/api/open/" + tenant + "/indicators");
            if (response.status() == 429) {
                limited = response;
            } else {
                assertThat(response.status()).isEqualTo(200);
            }
        }
        assertThat(limited).as("the 61st request within a minute is refused").isNotNull();
        assertThat(limited.map()).containsEntry("code", "openData.rateLimited");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
    }
}
