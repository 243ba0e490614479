package eu.koopera.benchlearning;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A municipal officer writes an improvement plan whose progress moves when next year's values are imported; a
 * network coordinator compares the network's members; officers see only their own organisation's plans.
 */
@MicronautTest(transactional = false)
class ImprovementPlansApiTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    TestClient client;
    Associations associations;
    Association lps;
    String officer;

    @BeforeEach
    void association() {
        client = new TestClient(server.getURI(), json);
        associations = new Associations(client);
        lps = associations.create("pln", "Valmieras novads", "Cēsu novads", "Siguldas novads", "Preiļu novads");
        officer = associations.officer(lps, lps.member("Valmieras novads"), "valmiera");
        Response indicator = client.post("/api/indicators", Map.of("code", "soc.wait", "name",
                Map.of("lv", "Gaidīšanas laiks sociālajai aprūpei", "en", "Waiting time for social care"),
                "unit", "days", "direction", "LOWER_IS_BETTER"), bearer(lps.admin()));
        assertThat(indicator.status()).as(indicator.toString()).isEqualTo(201);
        importValues("soc.wait;2022;60;45;50;70");
    }

    @Test
    void anOfficersPlanMovesWhenNextYearsValuesAreImported() {
        long valmiera = lps.member("Valmieras novads");
        Response created = client.post("/api/plans", plan(valmiera, null), bearer(officer));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Map<String, Object> target = target(created);
        assertThat(((Number) target.get("baselineValue")).intValue()).as("baseline taken from the values").isEqualTo(60);
        assertThat(target.get("progressPercent")).isNull();
        assertThat(created.map().get("progressPercent")).as("no overall progress before any new value").isNull();
        long id = ((Number) created.map().get("id")).longValue();

        importValues("soc.wait;2023;51;44;50;69");
        Map<String, Object> moved = target(client.get("/api/plans/" + id, bearer(officer)));
        assertThat(((Number) moved.get("latestYear")).intValue()).isEqualTo(2023);
        assertThat(((Number) moved.get("progressPercent")).doubleValue()).isCloseTo(30.0, within(1e-9));
        assertThat(moved.get("reached")).isEqualTo(false);
        assertThat(((Number) client.get("/api/plans/" + id, bearer(officer)).map().get("progressPercent")).doubleValue())
                .as("the plan's only target is 30 % of the way").isCloseTo(30.0, within(1e-9));
        assertThat((List<?>) moved.get("followUp")).hasSize(2);

        importValues("soc.wait;2024;29;44;50;69");
        Map<String, Object> reached = target(client.get("/api/plans/" + id, bearer(officer)));
        assertThat(((Number) reached.get("progressPercent")).doubleValue()).isCloseTo(103.333333, within(1e-5));
        assertThat(reached.get("reached")).isEqualTo(true);
        assertThat(((Number) client.get("/api/plans/" + id, bearer(officer)).map().get("progressPercent")).doubleValue())
                .as("a target beyond its goal counts as 100 % overall").isCloseTo(100.0, within(1e-9));

        Map<String, Object> change = new HashMap<>(plan(valmiera, null));
        change.put("status", "ACTIVE");
        change.put("version", 0);
        Response updated = client.put("/api/plans/" + id, change, bearer(officer));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.map()).containsEntry("status", "ACTIVE").containsEntry("version", 1);
        assertThat(client.put("/api/plans/" + id, change, bearer(officer)).status()).as("stale").isEqualTo(409);
        assertThat(Database.count("SELECT count(*) FROM t_" + lps.code() + ".audit_log WHERE entity_type = "
                + "'improvement-plan'")).isEqualTo(2);
    }

    @Test
    void officersWriteAndReadOnlyTheirOwnOrganisationsPlans() {
        long cesis = lps.member("Cēsu novads");
        Response foreign = client.post("/api/plans", plan(cesis, null), bearer(officer));
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.map()).containsEntry("code", "plan.member.notOwn");
        Response byAdmin = client.post("/api/plans", plan(cesis, null), bearer(lps.admin()));
        assertThat(byAdmin.status()).isEqualTo(201);
        long cesisPlan = ((Number) byAdmin.map().get("id")).longValue();
        assertThat(client.get("/api/plans/" + cesisPlan, bearer(officer)).status()).isEqualTo(404);
        assertThat(client.get("/api/plans", bearer(officer)).body()).isEqualTo("[]");
        assertThat(client.get("/api/plans?member=" + cesis, bearer(lps.coordinator())).body()).contains("Cēsu");
        Map<String, Object> hijack = new HashMap<>(plan(lps.member("Valmieras novads"), null));
        hijack.put("version", 0);
        assertThat(client.put("/api/plans/" + cesisPlan, hijack, bearer(officer)).status()).isEqualTo(404);
    }

    @Test
    void badPlansAreRefusedWithNothingWritten() {
        long valmiera = lps.member("Valmieras novads");
        Map<String, Object> noBaseline = new HashMap<>(plan(valmiera, null));
        noBaseline.put("targets", List.of(Map.of("indicator", "soc.wait", "baselineYear", 2015,
                "targetYear", 2026, "targetValue", 30)));
        Response missing = client.post("/api/plans", noBaseline, bearer(lps.admin()));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.list("errors")).extracting(e -> e.get("code")).containsExactly("plan.baseline.missing");
        Map<String, Object> backwards = new HashMap<>(plan(valmiera, null));
        backwards.put("targets", List.of(Map.of("indicator", "soc.wait", "baselineYear", 2022,
                "targetYear", 2021, "targetValue", 30), Map.of("indicator", "nope", "baselineYear", 2022,
                "targetYear", 2025, "targetValue", 1), Map.of("indicator", "soc.wait", "gender", "F",
                "baselineYear", 2022, "targetYear", 2025, "targetValue", 1)));
        Response refused = client.post("/api/plans", backwards, bearer(lps.admin()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.list("errors")).extracting(e -> e.get("field") + ":" + e.get("code")).containsExactly(
                "targets[0].targetYear:plan.target.year", "targets[1].indicator:indicator.unknown",
                "targets[2].gender:indicator.gender.notSplit");
        Map<String, Object> nobody = new HashMap<>(plan(987654321L, null));
        assertThat(client.post("/api/plans", nobody, bearer(lps.admin())).status()).isEqualTo(400);
        assertThat(Database.count("SELECT count(*) FROM t_" + lps.code() + ".improvement_plan")).isZero();
    }

    @Test
    void aCoordinatorComparesTheNetworksMembers() {
        String network = associations.network(lps, "Sociālie pakalpojumi", "ACTIVE", null);
        associations.take(lps, network, "Valmieras novads", "Cēsu novads", "Preiļu novads");
        Response group = client.post("/api/peer-groups", Map.of("name", "Tīkla dalībnieki", "network", network),
                bearer(lps.coordinator()));
        assertThat(group.status()).as(group.toString()).isEqualTo(201);
        assertThat(group.list("members")).extracting(m -> m.get("name"))
                .containsExactlyInAnyOrder("Valmieras novads", "Cēsu novads", "Preiļu novads");
        long groupId = ((Number) group.map().get("id")).longValue();
        Response compared = client.get("/api/comparisons?indicator=soc.wait&year=2022&group=" + groupId
                + "&member=" + lps.member("Cēsu novads"), bearer(lps.coordinator()));
        assertThat(compared.status()).isEqualTo(200);
        // values 60 (Valmiera), 45 (Cēsis), 70 (Preiļi): lower is better
        assertThat(compared.map()).containsEntry("rank", 1).containsEntry("of", 3).containsEntry("colour", "GREEN");
        assertThat(compared.list("peers")).extracting(p -> p.get("name") + ":" + p.get("rank"))
                .containsExactly("Cēsu novads:1", "Valmieras novads:2", "Preiļu novads:3");
        Response plan = client.post("/api/plans", plan(lps.member("Preiļu novads"), network), bearer(lps.coordinator()));
        assertThat(plan.status()).as(plan.toString()).isEqualTo(201);
        assertThat(plan.map()).containsEntry("network", network);
    }

    @Test
    void goodPracticeExamplesAreSharedAndLinkedToTheirIndicators() {
        long cesis = lps.member("Cēsu novads");
        Response byOfficer = client.post("/api/good-practices", Map.of("member", cesis, "title",
                Map.of("lv", "Aprūpe"), "description", "Cits novads"), bearer(officer));
        assertThat(byOfficer.status()).isEqualTo(403);
        assertThat(byOfficer.map()).containsEntry("code", "goodPractice.member.notOwn");
        Response created = client.post("/api/good-practices", Map.of("member", cesis, "title",
                Map.of("lv", "Aprūpētāju maršruti pa apkaimēm", "en", "Carers' rounds by neighbourhood"),
                "description", "Aprūpētāji strādā pa apkaimēm, tāpēc ceļā pavada mazāk laika.",
                "indicators", List.of("soc.wait"), "links", List.of("https://www.cesis.lv/aprupe")),
                bearer(lps.coordinator()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(client.get("/api/good-practices?indicator=soc.wait", bearer(officer)).body())
                .as("every user learns from it").contains("Carers' rounds by neighbourhood", "Cēsu novads");
        assertThat(client.get("/api/good-practices?indicator=other", bearer(officer)).body()).isEqualTo("[]");
        Response unknown = client.post("/api/good-practices", Map.of("member", cesis, "title", Map.of("lv", " "),
                "description", "x", "indicators", List.of("nope"), "links", List.of("ftp://x")), bearer(lps.admin()));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(Database.count("SELECT count(*) FROM t_" + lps.code() + ".good_practice")).isEqualTo(1);
    }

    @Test
    void goodPracticeDocumentsAreRecognisedByContentAndDownloadedAsAttachments() {
        long cesis = lps.member("Cēsu novads");
        Response created = client.post("/api/good-practices", Map.of("member", cesis, "title",
                Map.of("lv", "Aprūpētāju maršruti"), "description", "Apraksts", "indicators", List.of("soc.wait")),
                bearer(lps.admin()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String path = "/api/good-practices/" + created.string("id") + "/documents";
        byte[] pdf = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

        Response added = client.upload(path, "../Pārskats 2024.pdf", "text/html", pdf, bearer(lps.coordinator()));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        @SuppressWarnings("unchecked")
        Map<String, Object> document = ((List<Map<String, Object>>) added.map().get("documents")).getFirst();
        assertThat(document).containsEntry("fileName", "Pārskats 2024.pdf")
                .containsEntry("mediaType", "application/pdf").containsEntry("size", pdf.length);
        assertThat(client.get("/api/good-practices/" + created.string("id"), bearer(officer)).body())
                .as("every user sees the example's documents").contains("Pārskats 2024.pdf");

        java.net.http.HttpResponse<byte[]> download = client.getBytes(path + "/" + document.get("id"),
                bearer(officer));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/pdf"));
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
                assertThat(disposition).startsWith("attachment;").contains("UTF-8''P%C4%81rskats%202024.pdf"));
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        Response html = client.upload(path, "report.pdf", "application/pdf",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), bearer(lps.admin()));
        assertThat(html.status()).isEqualTo(422);
        assertThat(html.body()).contains("document.unsupported");
        assertThat(client.upload(path, "empty.pdf", "application/pdf", new byte[0], bearer(lps.admin())).body())
                .contains("document.empty");
        Response byOfficer = client.upload(path, "x.pdf", "application/pdf", pdf, bearer(officer));
        assertThat(byOfficer.status()).as("another organisation's example").isEqualTo(403);
        assertThat(client.upload("/api/good-practices/999999/documents", "x.pdf", "application/pdf", pdf,
                bearer(lps.admin())).status()).isEqualTo(404);
        Association other = associations.create("gpo", "Ogres novads");
        assertThat(client.getBytes(path + "/" + document.get("id"), bearer(other.admin())).statusCode()).as("another association's example does not exist there").isEqualTo(404);
        assertThat(Database.count("SELECT count(*) FROM t_" + lps.code() + ".good_practice_document"))
                .as("refused files wrote nothing").isEqualTo(1);

        Response removed = client.delete(path + "/" + document.get("id"), bearer(lps.admin()));
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat((List<?>) removed.map().get("documents")).isEmpty();
        assertThat(client.getBytes(path + "/" + document.get("id"), bearer(officer)).statusCode()).isEqualTo(404);
        assertThat(client.get("/api/audit?entityType=good-practice-document", bearer(lps.admin())).body())
                .contains("good_practice.document_added", "good_practice.document_removed");
    }

    private Map<String, Object> plan(long member, String network) {
        Map<String, Object> plan = new HashMap<>(Map.of("member", member, "service", "Sociālā aprūpe mājās",
                "summary", "Saīsināt gaidīšanas laiku",
                "targets", List.of(Map.of("indicator", "soc.wait", "baselineYear", 2022, "targetYear", 2025,
                        "targetValue", 30)),
                "actions", List.of(Map.of("description", "Pieņemt darbā divus aprūpētājus", "owner",
                        "Sociālais dienests", "dueOn", "2025-03-31"))));
        if (network != null) {
            plan.put("network", network);
        }
        return plan;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> target(Response plan) {
        assertThat(plan.status()).as(plan.toString()).isBetween(200, 201);
        return ((List<Map<String, Object>>) plan.map().get("targets")).getFirst();
    }

    /** Values of the four members in order: indicator;year;Valmiera;Cēsis;Sigulda;Preiļi. */
    private void importValues(String line) {
        String[] cells = line.split(";");
        String[] names = {"Valmieras novads", "Cēsu novads", "Siguldas novads", "Preiļu novads"};
        StringBuilder csv = new StringBuilder("indicator;municipality;year;value\n");
        for (int i = 0; i < names.length; i++) {
            csv.append(cells[0]).append(';').append(code(lps.member(names[i]))).append(';').append(cells[1])
                    .append(';').append(cells[2 + i]).append('\n');
        }
        Response imported = client.send("/api/indicator-values/import", "POST", csv.toString(), "text/csv",
                bearer(lps.admin()));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    }

    private String code(long member) {
        return client.get("/api/members/" + member, bearer(lps.admin())).string("code");
    }
}
