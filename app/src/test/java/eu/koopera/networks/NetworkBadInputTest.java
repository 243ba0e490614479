package eu.koopera.networks;

import eu.koopera.networks.Associations.Association;
import eu.koopera.support.Database;
import eu.koopera.support.IntegrationTest;
import eu.koopera.support.TestClient;
import eu.koopera.support.TestClient.Response;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/** Each bad request gets a clear problem and writes nothing. */
@MicronautTest(transactional = false)
class NetworkBadInputTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    TestClient client;
    Associations associations;
    Association owner;
    Association guest;
    Association outsider;

    @BeforeAll
    void threeAssociations() {
        client = new TestClient(server.getURI(), json);
        associations = new Associations(client);
        owner = associations.create("bad", "Ogres novads", "Cēsu novads", "Siguldas novads");
        guest = associations.create("badg", "Kauno rajonas");
        outsider = associations.create("bado", "Tukuma novads");
    }

    @Test
    void anEndBeforeTheStartIsRefused() {
        Response response = client.post("/api/networks", Map.of("name", Map.of("lv", "Atpakaļ laikā"),
                "startsOn", "2024-04-30", "endsOn", "2022-04-07"), bearer(owner.coordinator()));

        assertProblem(response, 400, "invalid-request");
        assertThat(response.list("errors")).extracting(error -> error.get("field")).containsExactly("endsOn");
        assertThat(Database.count("SELECT count(*) FROM shared.network WHERE name = 'Atpakaļ laikā'")).isZero();
    }

    @Test
    void aNameInNoLanguageIsRefused() {
        Response response = client.post("/api/networks", Map.of("name", Map.of("lv", "  "), "theme", "tukšs"),
                bearer(owner.coordinator()));

        assertProblem(response, 400, "invalid-request");
        assertThat(Database.count("SELECT count(*) FROM shared.network WHERE theme = 'tukšs'")).isZero();
    }

    @Test
    void aMemberUserMayNotCreateANetwork() {
        long ogre = owner.member("Ogres novads");
        String officer = associations.officer(owner, ogre, "bad-officer");

        assertProblem(client.post("/api/networks", Map.of("name", Map.of("lv", "Ierēdņa tīkls")), bearer(officer)),
                403, "forbidden");
        assertThat(Database.count("SELECT count(*) FROM shared.network WHERE name = 'Ierēdņa tīkls'")).isZero();
    }

    @Test
    void invitingAnUnknownAssociationOrTheOwnerIsRefused() {
        String network = associations.network(owner, "Ielūgumi", "PLANNED", 3);

        assertProblem(client.post("/api/networks/" + network + "/invitations", Map.of("tenant", "nosuchassoc"),
                bearer(owner.coordinator())), 400, "invalid-request");
        assertProblem(client.post("/api/networks/" + network + "/invitations", Map.of("tenant", owner.code()),
                bearer(owner.coordinator())), 409, "conflict");
        assertThat(invitations(network)).isZero();
    }

    @Test
    void aStaleVersionIsAConflictAndOverwritesNothing() {
        String network = associations.network(owner, "Versijas", "PLANNED", 3);
        Map<String, Object> change = Map.of("name", Map.of("lv", "Versijas 2"), "status", "ACTIVE", "version", 0);
        assertThat(client.put("/api/networks/" + network, change, bearer(owner.coordinator())).status())
                .isEqualTo(200);

        Response stale = client.put("/api/networks/" + network, Map.of("name", Map.of("lv", "Pārrakstīts"),
                "version", 0), bearer(owner.coordinator()));

        assertProblem(stale, 409, "conflict");
        assertThat(stale.body()).contains("Versijas 2");
        assertThat(Database.text("SELECT name FROM shared.network WHERE id = '" + network + "'"))
                .isEqualTo("Versijas 2");
    }

    @Test
    void anApplicationToAClosedNetworkIsRefused() {
        String network = associations.network(owner, "Slēgts", "CLOSED", 3);
        associations.take(owner, network, "Ogres novads");

        assertProblem(apply(network, owner, "Ogres novads"), 409, "conflict");
        assertThat(applications(network)).isZero();
    }

    @Test
    void anApplicationForAMunicipalityThatDoesNotTakePartIsRefused() {
        String network = associations.network(owner, "Bez dalības", "OPEN_FOR_APPLICATIONS", 3);
        associations.take(owner, network, "Ogres novads");

        assertProblem(apply(network, owner, "Cēsu novads"), 400, "invalid-request");
        assertThat(applications(network)).isZero();
    }

    @Test
    void aSecondOpenApplicationOfAMunicipalityIsAConflict() {
        String network = associations.network(owner, "Divreiz", "OPEN_FOR_APPLICATIONS", 3);
        associations.take(owner, network, "Ogres novads");
        assertThat(apply(network, owner, "Ogres novads").status()).isEqualTo(201);

        assertProblem(apply(network, owner, "Ogres novads"), 409, "conflict");
        assertThat(applications(network)).isOne();
    }

    @Test
    void acceptingPastThePilotLimitIsAConflict() {
        String network = associations.network(owner, "Viens pilots", "OPEN_FOR_APPLICATIONS", 1);
        associations.take(owner, network, "Ogres novads", "Cēsu novads");
        String first = apply(network, owner, "Ogres novads").string("id");
        String second = apply(network, owner, "Cēsu novads").string("id");
        assertThat(decide(network, first, "accept").status()).isEqualTo(200);

        assertProblem(decide(network, second, "accept"), 409, "conflict");
        assertThat(Database.count("SELECT count(*) FROM shared.network_pilot_application WHERE network_id = '"
                + network + "' AND status = 'OPEN'")).isOne();
    }

    @Test
    void rejectingWithoutAReasonIsRefused() {
        String network = associations.network(owner, "Bez iemesla", "OPEN_FOR_APPLICATIONS", 1);
        associations.take(owner, network, "Siguldas novads");
        String application = apply(network, owner, "Siguldas novads").string("id");

        assertProblem(client.post("/api/networks/" + network + "/applications/" + application + "/reject",
                Map.of("reason", " "), bearer(owner.coordinator())), 400, "invalid-request");
        assertThat(Database.count("SELECT count(*) FROM shared.network_pilot_application WHERE id = '"
                + application + "' AND status = 'OPEN'")).isOne();
    }

    @Test
    void anOutsiderAskingForAnyNetworkResourceByIdGetsNotFoundAndWritesNothing() {
        String network = associations.network(owner, "Svešiem neredzams", "OPEN_FOR_APPLICATIONS", 3);
        associations.share(owner, network, guest, "Kauno rajonas");
        String path = "/api/networks/" + network;
        int feed = Database.count("SELECT count(*) FROM shared.network_feed WHERE network_id = '" + network + "'");

        for (String resource : List.of("", "/participants", "/applications", "/feed", "/coordinators",
                "/invitations")) {
            assertProblem(client.get(path + resource, bearer(outsider.admin())), 404, "not-found");
        }
        assertProblem(client.put(path, Map.of("name", Map.of("lv", "Uzlauzts"), "version", 0),
                bearer(outsider.admin())), 404, "not-found");
        assertProblem(client.post(path + "/participants", Map.of("memberId", outsider.member("Tukuma novads")),
                bearer(outsider.admin())), 404, "not-found");
        assertProblem(apply(network, outsider, "Tukuma novads"), 404, "not-found");
        assertProblem(client.post(path + "/invitations", Map.of("tenant", outsider.code()),
                bearer(outsider.admin())), 404, "not-found");
        assertProblem(client.post(path + "/leave", "", bearer(outsider.admin())), 404, "not-found");

        assertThat(Database.count("SELECT count(*) FROM shared.network_member WHERE tenant_code = '"
                + outsider.code() + "'")).isZero();
        assertThat(Database.count("SELECT count(*) FROM shared.network_feed WHERE network_id = '" + network + "'"))
                .isEqualTo(feed);
        assertThat(Database.text("SELECT name FROM shared.network WHERE id = '" + network + "'"))
                .isEqualTo("Svešiem neredzams");
    }

    private Response apply(String network, Association association, String member) {
        return client.post("/api/networks/" + network + "/applications", Map.of("memberId",
                association.member(member), "motivation", "Gribam"), bearer(association.admin()));
    }

    private Response decide(String network, String application, String decision) {
        return client.post("/api/networks/" + network + "/applications/" + application + "/" + decision,
                Map.of("reason", "Labs"), bearer(owner.coordinator()));
    }

    private static int invitations(String network) {
        return Database.count("SELECT count(*) FROM shared.network_invitation WHERE network_id = '" + network + "'");
    }

    private static int applications(String network) {
        return Database.count("SELECT count(*) FROM shared.network_pilot_application WHERE network_id = '"
                + network + "'");
    }

    private static void assertProblem(Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.string("type")).isEqualTo("https://koopera.eu/problems/" + type);
    }
}
