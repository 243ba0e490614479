package eu.koopera.partnerships;

import eu.koopera.networks.Associations;
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

/** The five-step plan of a community partnership: read with every step, replaced by the owner's staff. */
@MicronautTest(transactional = false)
class PartnershipPlanTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    TestClient client;
    Association lps;
    String partnership;
    String twinning;

    @BeforeAll
    void aCommunityPartnershipAndATwinning() {
        client = new TestClient(server.getURI(), json);
        lps = new Associations(client).create("agplan", "Valmieras novads");
        Agreements agreements = new Agreements(client);
        partnership = agreements.create(lps, Map.of("type", "COMMUNITY_PARTNERSHIP",
                "title", Map.of("lv", "Kopienu partnerība"), "legalForm", "PROJECT_FINANCING",
                "parties", List.of(Map.of("memberId", lps.member("Valmieras novads")),
                        Map.of("organisation", Map.of("name", "Biedrība „Kopā”", "registrationNo", "40008123456")))));
        twinning = agreements.create(lps, Map.of("type", "TWINNING", "title", Map.of("lv", "Sadraudzība"),
                "parties", List.of(Map.of("memberId", lps.member("Valmieras novads")),
                        Map.of("foreign", Map.of("name", "Pärnu", "country", "EE")))));
    }

    @Test
    void aNewPlanHasFiveStepsNotStartedAndAReplacementKeepsWhatWasGiven() {
        Response empty = client.get(path(partnership), bearer(lps.admin()));
        assertThat(empty.status()).as(empty.body()).isEqualTo(200);
        assertThat(empty.list("steps")).extracting(step -> step.get("step") + " " + step.get("status"))
                .containsExactly("SHARED_OUTCOME NOT_STARTED", "SHARED_STRATEGY NOT_STARTED",
                        "ROLES_AND_RESPONSIBILITIES NOT_STARTED", "COMPATIBLE_PROCEDURES NOT_STARTED",
                        "MONITORING_AND_EVALUATION NOT_STARTED");

        Response replaced = client.put(path(partnership), Map.of("steps", List.of(
                Map.of("step", "SHARED_STRATEGY", "content", "Kopīga stratēģija 2025–2027", "responsible",
                        "Attīstības nodaļa", "status", "IN_PROGRESS", "date", "2025-06-30"),
                Map.of("step", "SHARED_OUTCOME", "content", "Aktīvas kopienas", "status", "DONE",
                        "date", "2025-02-01")), "evaluation", "Rezultāti publicēti novada avīzē"),
                bearer(lps.coordinator()));

        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.list("steps")).extracting(step -> step.get("step") + " " + step.get("status"))
                .containsExactly("SHARED_OUTCOME DONE", "SHARED_STRATEGY IN_PROGRESS",
                        "ROLES_AND_RESPONSIBILITIES NOT_STARTED", "COMPATIBLE_PROCEDURES NOT_STARTED",
                        "MONITORING_AND_EVALUATION NOT_STARTED");
        Response read = client.get(path(partnership), bearer(lps.admin()));
        assertThat(read.list("steps").get(1)).containsEntry("content", "Kopīga stratēģija 2025–2027")
                .containsEntry("responsible", "Attīstības nodaļa").containsEntry("date", "2025-06-30");
        assertThat(read.string("evaluation")).isEqualTo("Rezultāti publicēti novada avīzē");
    }

    @Test
    void onlyCommunityPartnershipsHaveAPlanAndAStepTwiceIsRefused() {
        Response twin = client.get(path(twinning), bearer(lps.admin()));
        assertThat(twin.status()).isEqualTo(409);
        assertThat(twin.string("code")).isEqualTo("plan.notCommunityPartnership");
        int before = Database.count("SELECT count(*) FROM shared.agreement_plan_step WHERE agreement_id = '"
                + partnership + "'");
        Response twice = client.put(path(partnership), Map.of("steps", List.of(
                Map.of("step", "SHARED_OUTCOME", "status", "DONE"),
                Map.of("step", "SHARED_OUTCOME", "status", "IN_PROGRESS"))), bearer(lps.admin()));
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.list("errors").getFirst()).containsEntry("field", "steps[1]")
                .containsEntry("code", "plan.stepTwice");
        Response unknown = client.put(path(partnership), Map.of("steps", List.of(
                Map.of("step", "SEVENTH_HEAVEN", "status", "DONE"))), bearer(lps.admin()));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(Database.count("SELECT count(*) FROM shared.agreement_plan_step WHERE agreement_id = '"
                + partnership + "'")).isEqualTo(before);
    }

    private static String path(String agreement) {
        return "/api/agreements/" + agreement + "/plan";
    }
}
