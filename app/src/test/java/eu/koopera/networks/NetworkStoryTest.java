package eu.koopera.networks;

import eu.koopera.networks.Associations.Association;
import eu.koopera.support.IntegrationTest;
import eu.koopera.support.Outbox;
import eu.koopera.support.TestClient;
import eu.koopera.support.TestClient.Response;
import io.micronaut.core.type.Argument;
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

/**
 * The story of issue 11: a Latvian association's coordinator creates a network and invites a Lithuanian one,
 * whose administrator accepts with two municipalities; a Lithuanian officer applies to be a pilot and is accepted;
 * nobody reads the other association's register; the Lithuanian association leaves and loses access at once.
 */
@MicronautTest(transactional = false)
class NetworkStoryTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    TestClient client;
    Associations associations;
    Association lps;
    Association lsa;

    @BeforeAll
    void twoAssociations() {
        client = new TestClient(server.getURI(), json);
        associations = new Associations(client);
        lps = associations.create("lps", "Ogres novads", "Cēsu novads");
        lsa = associations.create("lsa", "Kauno rajono savivaldybė", "Alytaus miesto savivaldybė",
                "Vilniaus miesto savivaldybė");
    }

    @Test
    void aNetworkSharedWithAnotherAssociationRunsFromInvitationToPilotToLeaving() {
        String network = associations.network(lps, "Valsts pilsētas", "OPEN_FOR_APPLICATIONS", 2);
        String path = "/api/networks/" + network;
        assertThat(client.get(path, bearer(lsa.admin())).status()).isEqualTo(404);

        Response invited = client.post(path + "/invitations", Map.of("tenant", lsa.code()), bearer(lps.coordinator()));
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        List<Map<String, Object>> received = listOf(client.get("/api/network-invitations", bearer(lsa.admin())));
        assertThat(received).singleElement().satisfies(invitation -> {
            assertThat(invitation).containsEntry("status", "PENDING").containsEntry("owner", lps.code());
            assertThat(invitation.get("networkName")).isEqualTo(Map.of("lv", "Valsts pilsētas",
                    "en", "Valsts pilsētas (en)"));
        });
        assertThat(client.get(path, bearer(lsa.admin())).status()).as("a pending invitee sees no content")
                .isEqualTo(404);

        Response accepted = client.post("/api/network-invitations/" + invited.string("id") + "/accept",
                Map.of("memberIds", List.of(lsa.member("Kauno rajono savivaldybė"),
                        lsa.member("Alytaus miesto savivaldybė"))), bearer(lsa.admin()));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        associations.take(lps, network, "Ogres novads");

        assertThat(client.get(path, bearer(lsa.coordinator())).string("owner")).isEqualTo(lps.code());
        assertThat(client.get("/api/networks", bearer(lsa.admin())).list("items"))
                .extracting(item -> item.get("id")).containsExactly(network);
        assertThat(listOf(client.get(path + "/participants", bearer(lsa.admin()))))
                .extracting(item -> item.get("memberName")).containsExactlyInAnyOrder("Ogres novads",
                        "Kauno rajono savivaldybė", "Alytaus miesto savivaldybė");

        String officer = associations.officer(lsa, lsa.member("Kauno rajono savivaldybė"), "kaunas-officer");
        Response applied = client.post(path + "/applications", Map.of("memberId",
                lsa.member("Kauno rajono savivaldybė"), "motivation", "Mes norime būti pilotu."), bearer(officer));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        Response decided = client.post(path + "/applications/" + applied.string("id") + "/accept",
                Map.of("reason", "Sveicam!"), bearer(lps.coordinator()));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(decided.string("status")).isEqualTo("ACCEPTED");
        Outbox.Row mail = Outbox.latestTo("kaunas-officer@" + lsa.code() + ".example").orElseThrow();
        assertThat(mail.subject()).as("the decision mail, in the applicant's association's language")
                .isEqualTo("Koopera: Kauno rajono savivaldybė ir pilotpašvaldība tīklā „Valsts pilsētas”");
        assertThat(mail.bodyText()).contains("Sveicam!");
        assertThat(listOf(client.get(path + "/applications", bearer(officer))))
                .extracting(item -> item.get("status")).containsExactly("ACCEPTED");

        assertThat(listOf(client.get(path + "/feed", bearer(lsa.admin())), "items"))
                .extracting(item -> item.get("kind")).contains("NETWORK_CREATED", "ASSOCIATION_INVITED",
                        "INVITATION_ACCEPTED", "MUNICIPALITY_ADDED", "PILOT_APPLIED", "PILOT_ACCEPTED");

        for (String token : List.of(lsa.admin(), lsa.coordinator(), officer)) {
            assertSeesOnlyItsOwnRegister(token, lsa, lps);
        }
        assertSeesOnlyItsOwnRegister(lps.coordinator(), lps, lsa);

        assertThat(client.post(path + "/leave", "", bearer(lsa.admin())).status()).isEqualTo(204);
        for (String resource : List.of("", "/participants", "/applications", "/feed", "/coordinators")) {
            Response after = client.get(path + resource, bearer(lsa.admin()));
            assertThat(after.status()).as(resource + ": " + after.body()).isEqualTo(404);
            assertThat(after.contentType()).startsWith("application/problem+json");
        }
        assertThat(client.get("/api/networks", bearer(officer)).list("items")).isEmpty();
        assertThat(listOf(client.get(path + "/participants", bearer(lps.coordinator()))))
                .extracting(item -> item.get("memberName")).containsExactly("Ogres novads");
        assertThat(listOf(client.get(path + "/feed", bearer(lps.coordinator())), "items"))
                .extracting(item -> item.get("kind")).first().isEqualTo("ASSOCIATION_LEFT");
    }

    /** Members, people and the audit log of {@code token}'s association hold nothing of the other one. */
    private void assertSeesOnlyItsOwnRegister(String token, Association own, Association other) {
        for (String resource : List.of("/api/members?size=100", "/api/people?size=100", "/api/audit?size=100")) {
            Response response = client.get(resource, bearer(token));
            if (response.status() == 403) {
                continue; // this role may not read it at all
            }
            assertThat(response.status()).as(resource + ": " + response.body()).isEqualTo(200);
            for (String name : other.members().keySet()) {
                assertThat(response.body()).as(resource).doesNotContain(name);
            }
            assertThat(response.body()).as(resource).doesNotContain(other.code());
        }
        assertThat(client.get("/api/members/" + other.members().values().iterator().next(), bearer(token)).body())
                .doesNotContain(other.members().keySet().iterator().next());
    }

    private static List<Map<String, Object>> listOf(Response response, String... field) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        if (field.length == 1) {
            return response.list(field[0]);
        }
        try {
            return response.json().readValue(response.body(),
                    Argument.listOf(Argument.mapOf(String.class, Object.class)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
