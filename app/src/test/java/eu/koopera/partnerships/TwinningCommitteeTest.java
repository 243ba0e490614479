package eu.koopera.partnerships;

import eu.koopera.networks.Associations;
import eu.koopera.networks.Associations.Association;
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
import java.util.UUID;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/** The twinning committee: the owner's staff keep it, the association named in the twinning reads it. */
@MicronautTest(transactional = false)
class TwinningCommitteeTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    TestClient client;
    Association lps;
    Association lsa;
    String twinning;

    @BeforeAll
    void aConfirmedTwinningBetweenTwoAssociations() {
        client = new TestClient(server.getURI(), json);
        Associations arrange = new Associations(client);
        lps = arrange.create("agcom", "Bauska");
        lsa = arrange.create("agcomlt", "Pasvalys");
        twinning = new Agreements(client).create(lps, Agreements.twinning(lps.member("Bauska"), lsa.code(),
                lsa.member("Pasvalys")));
        assertThat(client.post("/api/agreements/" + twinning + "/confirm", "", bearer(lsa.admin())).status())
                .isEqualTo(200);
    }

    @Test
    void membersAreAddedListedByMunicipalityAndRemoved() {
        Response chair = client.post(path(), Map.of("name", "Anna Ozola", "role", "Priekšsēdētāja",
                "municipality", "Bauska", "kind", "OFFICIAL"), bearer(lps.coordinator()));
        assertThat(chair.status()).as(chair.body()).isEqualTo(201);
        Response resident = client.post(path(), Map.of("name", "Jonas Jonaitis", "municipality", "Pasvalys",
                "kind", "RESIDENT"), bearer(lps.admin()));
        assertThat(resident.status()).as(resident.body()).isEqualTo(201);

        Response listed = client.get(path(), bearer(lsa.admin()));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).contains("Anna Ozola", "Priekšsēdētāja", "Jonas Jonaitis", "RESIDENT");
        assertThat(listed.body().indexOf("Anna Ozola")).isLessThan(listed.body().indexOf("Jonas Jonaitis"));

        assertThat(client.delete(path() + "/" + resident.string("id"), bearer(lsa.admin())).status())
                .isEqualTo(403);
        assertThat(client.delete(path() + "/" + resident.string("id"), bearer(lps.admin())).status())
                .isEqualTo(204);
        assertThat(client.get(path(), bearer(lps.admin())).body()).doesNotContain("Jonas Jonaitis");
        Response again = client.delete(path() + "/" + resident.string("id"), bearer(lps.admin()));
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.string("code")).isEqualTo("committee.memberNotFound");
    }

    @Test
    void onlyATwinningHasACommitteeAndBadMembersAreRefused() {
        String cooperation = new Agreements(client).create(lps, Map.of("type", "COOPERATION_AGREEMENT",
                "title", Map.of("lv", "Sadarbība"), "parties", List.of(Map.of("memberId", lps.member("Bauska")),
                        Map.of("foreign", Map.of("name", "Biržai", "country", "LT")))));
        Response refused = client.post("/api/agreements/" + cooperation + "/committee", Map.of("name", "X",
                "kind", "RESIDENT"), bearer(lps.admin()));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.string("code")).isEqualTo("committee.notTwinning");
        assertThat(client.post(path(), Map.of("name", " ", "kind", "RESIDENT"), bearer(lps.admin())).status())
                .isEqualTo(400);
        assertThat(client.post(path(), Map.of("name", "Y", "kind", "MAYOR"), bearer(lps.admin())).status())
                .isEqualTo(400);
        assertThat(client.get("/api/agreements/" + UUID.randomUUID() + "/committee", bearer(lps.admin()))
                .status()).isEqualTo(404);
    }

    private String path() {
        return "/api/agreements/" + twinning + "/committee";
    }
}
