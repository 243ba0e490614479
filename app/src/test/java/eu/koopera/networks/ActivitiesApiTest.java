package eu.koopera.networks;

import eu.koopera.networks.Associations.Association;
import eu.koopera.support.Database;
import eu.koopera.support.IntegrationTest;
import eu.koopera.support.TestClient;
import eu.koopera.support.TestClient.Response;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pilot activities: the owner's coordinator plans one with milestones for a participating municipality of another
 * association; every participant reads it, only the owner changes it, and nobody outside the network learns it
 * exists.
 */
@MicronautTest(transactional = false)
class ActivitiesApiTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    TestClient client;
    Association lps;
    Association lsa;
    Association outsider;
    String network;

    @BeforeAll
    void aNetworkSharedByTwoAssociations() {
        client = new TestClient(server.getURI(), json);
        Associations associations = new Associations(client);
        lps = associations.create("lps", "Ogres novads");
        lsa = associations.create("lsa", "Kauno rajono savivaldybė", "Alytaus miesto savivaldybė");
        outsider = associations.create("llpa", "Jelgava");
        network = associations.network(lps, "Sadarbība ar iedzīvotājiem", "ACTIVE", 3);
        associations.share(lps, network, lsa, "Kauno rajono savivaldybė");
    }

    @Test
    void theOwnerPlansAnActivityEveryParticipantReadsItAndOnlyTheOwnerChangesIt() {
        Response created = client.post("/api/networks/" + network + "/activities", activity(null,
                lsa.member("Kauno rajono savivaldybė"), List.of(
                        milestone("Iedzīvotāju aptauja", "2020-03-01", "DONE"),
                        milestone("Līdzdalības budžeta nolikums", "2020-06-01", "PLANNED"),
                        milestone("Pirmais balsojums", "2099-09-01", "PLANNED"))), bearer(lps.coordinator()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.string("responsibleMemberName")).isEqualTo("Kauno rajono savivaldybė");
        assertThat(created.string("overdueMilestones")).isEqualTo("1");

        List<Map<String, Object>> seen = list(client.get("/api/networks/" + network + "/activities",
                bearer(lsa.admin())));
        assertThat(seen).singleElement().satisfies(activity -> {
            assertThat(activity.get("goal")).isEqualTo("Līdzdalības budžets");
            assertThat(activity.get("milestones")).asList().hasSize(3);
        });

        String path = "/api/activities/" + created.string("id");
        assertThat(client.put(path, activity(0L, lsa.member("Kauno rajono savivaldybė"), List.of()),
                bearer(lsa.admin())).status()).as("a participant does not manage the network").isEqualTo(403);
        Response updated = client.put(path, activity(0L, lsa.member("Kauno rajono savivaldybė"),
                List.of(milestone("Pirmais balsojums", "2099-09-01", "IN_PROGRESS"))), bearer(lps.coordinator()));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.string("version")).isEqualTo("1");
        assertThat(updated.string("overdueMilestones")).isEqualTo("0");
        Response stale = client.put(path, activity(0L, lsa.member("Kauno rajono savivaldybė"), List.of()),
                bearer(lps.coordinator()));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(Database.count("SELECT count(*) FROM shared.network_activity_milestone m "
                + "JOIN shared.network_activity a ON a.id = m.activity_id WHERE a.network_id = '" + network + "'"))
                .isOne();

        assertThat(client.get("/api/networks/" + network + "/activities", bearer(outsider.admin())).status())
                .isEqualTo(404);
        assertThat(client.put(path, activity(1L, lsa.member("Kauno rajono savivaldybė"), List.of()),
                bearer(outsider.admin())).status()).isEqualTo(404);
    }

    @Test
    void aResponsibleMunicipalityThatDoesNotTakePartIsRefusedAndNothingIsWritten() {
        int before = Database.count("SELECT count(*) FROM shared.network_activity");
        Response refused = client.post("/api/networks/" + network + "/activities",
                activity(null, lsa.member("Alytaus miesto savivaldybė"), List.of()), bearer(lps.coordinator()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("responsibleMember");
        assertThat(Database.count("SELECT count(*) FROM shared.network_activity")).isEqualTo(before);
    }

    private Map<String, Object> activity(Long version, long member, List<Map<String, Object>> milestones) {
        Map<String, Object> body = new HashMap<>(Map.of("goal", "Līdzdalības budžets", "responsibleTenant",
                lsa.code(), "responsibleMember", member, "plan", "Aptauja, nolikums, balsojums.",
                "milestones", milestones));
        if (version != null) {
            body.put("version", version);
        }
        return body;
    }

    private static Map<String, Object> milestone(String title, String dueOn, String status) {
        return Map.of("title", title, "dueOn", dueOn, "status", status);
    }

    private static List<Map<String, Object>> list(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        try {
            return response.json().readValue(response.body(), Argument.listOf(Argument.mapOf(String.class,
                    Object.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
