package eu.koopera.members;

import eu.koopera.support.IntegrationTest;
import eu.koopera.support.TestClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/** Names sort by the association's alphabet (Latvian or Lithuanian), in the API, its pages and the export. */
@MicronautTest(transactional = false)
class NationalOrderTest extends IntegrationTest {

    private static final List<String> LATVIAN = List.of("Ventspils novads", "Ķekavas novads", "Ludzas novads",
            "Aizkraukles novads", "Līvānu novads", "Ādažu novads", "Limbažu novads", "Kuldīgas novads");
    private static final List<String> LITHUANIAN = List.of("Zarasų rajono savivaldybė", "Šakių rajono savivaldybė",
            "Kupiškio rajono savivaldybė", "Tauragės rajono savivaldybė", "Kėdainių rajono savivaldybė",
            "Skuodo rajono savivaldybė", "Švenčionių rajono savivaldybė");

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    TestClient client;
    String latvian;
    String lithuanian;

    @BeforeAll
    void setUp() {
        client = new TestClient(server.getURI(), json);
        latvian = client.login(client.createTenantWithAdmin("lvo", "admin-password-123", "LV", "lv"), "admin",
                "admin-password-123");
        lithuanian = client.login(client.createTenantWithAdmin("lto", "admin-password-123", "LT", "lt"), "admin",
                "admin-password-123");
        create(latvian, LATVIAN);
        create(lithuanian, LITHUANIAN);
    }

    @Test
    void latvianAssociationSortsByTheLatvianAlphabet() {
        assertThat(names(latvian, "name")).containsExactly("Ādažu novads", "Aizkraukles novads", "Kuldīgas novads",
                "Ķekavas novads", "Limbažu novads", "Līvānu novads", "Ludzas novads", "Ventspils novads");
    }

    @Test
    void lithuanianAssociationSortsByTheLithuanianAlphabet() {
        assertThat(names(lithuanian, "name")).containsExactly("Kėdainių rajono savivaldybė",
                "Kupiškio rajono savivaldybė", "Skuodo rajono savivaldybė", "Šakių rajono savivaldybė",
                "Švenčionių rajono savivaldybė", "Tauragės rajono savivaldybė", "Zarasų rajono savivaldybė");
    }

    @Test
    void descendingAndPagedOrdersFollowTheSameAlphabet() {
        assertThat(names(latvian, "-name")).first().isEqualTo("Ventspils novads");
        assertThat(names(latvian, "-name")).last().isEqualTo("Ādažu novads");
        List<Map<String, Object>> secondPage = client.get("/api/members?sort=name&size=3&page=1", bearer(latvian))
                .list("items");
        assertThat(secondPage).extracting(item -> item.get("name"))
                .containsExactly("Ķekavas novads", "Limbažu novads", "Līvānu novads");
    }

    @Test
    void exportKeepsTheNationalOrder() {
        String csv = client.get("/api/members/export?format=csv", bearer(lithuanian)).body();
        List<String> exported = Arrays.stream(csv.split("\r?\n")).skip(1).filter(line -> !line.isBlank())
                .map(line -> line.split(";")[1].replace("\"", "")).toList();

        assertThat(exported).containsExactly("Kėdainių rajono savivaldybė", "Kupiškio rajono savivaldybė",
                "Skuodo rajono savivaldybė", "Šakių rajono savivaldybė", "Švenčionių rajono savivaldybė",
                "Tauragės rajono savivaldybė", "Zarasų rajono savivaldybė");
    }

    private void create(String token, List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            TestClient.Response created = client.post("/api/members", Map.of("name", names.get(i), "code",
                    "N" + i), bearer(token));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
    }

    private List<String> names(String token, String sort) {
        return client.get("/api/members?sort=" + sort + "&size=50", bearer(token)).list("items").stream()
                .map(item -> (String) item.get("name")).toList();
    }
}
