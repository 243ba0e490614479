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

/** Recording, reading, listing and replacing agreements within one association. */
@MicronautTest(transactional = false)
class AgreementsApiTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    TestClient client;
    Agreements agreements;
    Association lsa;

    @BeforeAll
    void anAssociationWithTwoDistricts() {
        client = new TestClient(server.getURI(), json);
        agreements = new Agreements(client);
        lsa = new Associations(client).create("agapi", "Kėdainių rajono savivaldybė", "Raseinių rajono savivaldybė",
                "Jonavos rajono savivaldybė");
    }

    @Test
    void theKedainiaiRaseiniaiAgreementIsRecordedAsSignedAndReadBack() {
        Response created = client.post("/api/agreements", Agreements.kedainiaiRaseiniai(
                lsa.member("Kėdainių rajono savivaldybė"), lsa.member("Raseinių rajono savivaldybė")),
                bearer(lsa.coordinator()));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/agreements/" + created.string("id"));
        Response read = client.get("/api/agreements/" + created.string("id"), bearer(lsa.admin()));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.string("type")).isEqualTo("COOPERATION_AGREEMENT");
        assertThat(read.string("status")).isEqualTo("ACTIVE");
        assertThat(read.string("owner")).isEqualTo(lsa.code());
        assertThat(read.string("signedOn")).isEqualTo("2023-10-17");
        assertThat(read.string("signedPlace")).isEqualTo("Dotnuva");
        assertThat(read.string("endsOn")).isEqualTo("2026-12-31");
        assertThat(read.list("formsOfCooperation")).hasSize(4)
                .first().isEqualTo(Map.of("lt", "Abipusės konsultacijos bendruomenių verslo ir viešųjų paslaugų "
                        + "perdavimo klausimais"));
        assertThat(read.list("parties")).extracting(party -> party.get("memberName"))
                .containsExactly("Kėdainių rajono savivaldybė", "Raseinių rajono savivaldybė");
        assertThat(read.list("parties")).allSatisfy(party -> {
            assertThat(party.get("id")).isNotNull();
            assertThat(party.get("tenant")).isEqualTo(lsa.code());
            assertThat(party.get("confirmed")).isEqualTo(true);
        });
        assertThat(Database.count("SELECT count(*) FROM t_" + lsa.code() + ".audit_log WHERE entity_type = "
                + "'agreement' AND event = 'agreement.created' AND entity_id = '" + created.string("id") + "'"))
                .isOne();
    }

    @Test
    void aTwinningWithAForeignTownAndACommunityPartnershipKeepTheirParties() {
        String twinning = agreements.create(lsa, Map.of("type", "TWINNING", "title", Map.of("lt", "Jonava–Växjö"),
                "parties", List.of(Map.of("memberId", lsa.member("Jonavos rajono savivaldybė")),
                        Map.of("foreign", Map.of("name", "Växjö", "country", "se"))),
                "startsOn", "2020-05-01", "status", "ACTIVE"));
        String community = agreements.create(lsa, Map.of("type", "COMMUNITY_PARTNERSHIP",
                "title", Map.of("lt", "Bendruomenių partnerystė"), "legalForm", "PREMISES_AND_RESOURCES",
                "parties", List.of(Map.of("memberId", lsa.member("Jonavos rajono savivaldybė")),
                        Map.of("organisation", Map.of("name", "Jonavos bendruomenių sąjunga",
                                "registrationNo", "302512345", "kind", "NGO")))));

        Response twin = client.get("/api/agreements/" + twinning, bearer(lsa.admin()));
        assertThat(twin.list("parties").get(1).get("foreign")).isEqualTo(Map.of("name", "Växjö", "country", "SE"));
        assertThat(twin.string("endsOn")).isNull();
        Response partnership = client.get("/api/agreements/" + community, bearer(lsa.admin()));
        assertThat(partnership.string("legalForm")).isEqualTo("PREMISES_AND_RESOURCES");
        assertThat(partnership.string("status")).isEqualTo("DRAFT");
        assertThat(partnership.list("parties").get(1).get("organisation")).isEqualTo(Map.of(
                "name", "Jonavos bendruomenių sąjunga", "registrationNo", "302512345", "kind", "NGO"));
    }

    @Test
    void theListFiltersByTypeStatusAndMember() {
        Association own = new Associations(client).create("aglist", "Alytus", "Birštonas", "Druskininkai");
        String first = agreements.create(own, Map.of("type", "TWINNING", "title", Map.of("en", "First"),
                "parties", List.of(Map.of("memberId", own.member("Alytus")),
                        Map.of("foreign", Map.of("name", "Gdańsk", "country", "PL"))), "status", "ACTIVE"));
        String second = agreements.create(own, Map.of("type", "COOPERATION_AGREEMENT", "title", Map.of("en", "2"),
                "parties", List.of(Map.of("memberId", own.member("Birštonas")),
                        Map.of("memberId", own.member("Druskininkai")))));

        assertThat(ids(own, "")).containsExactlyInAnyOrder(first, second);
        assertThat(ids(own, "?type=TWINNING")).containsExactly(first);
        assertThat(ids(own, "?status=DRAFT")).containsExactly(second);
        assertThat(ids(own, "?member=" + own.member("Druskininkai"))).containsExactly(second);
        assertThat(ids(own, "?member=" + own.member("Alytus") + "&status=DRAFT")).isEmpty();
        assertThat(client.get("/api/agreements?type=NOPE", bearer(own.admin())).status()).isEqualTo(400);
    }

    @Test
    void aReplacementKeepsThePartiesIdsAndRefusesAStaleVersion() {
        String id = agreements.create(lsa, Agreements.kedainiaiRaseiniai(lsa.member("Kėdainių rajono savivaldybė"),
                lsa.member("Raseinių rajono savivaldybė")));
        Response before = client.get("/api/agreements/" + id, bearer(lsa.admin()));
        Map<String, Object> body = Agreements.kedainiaiRaseiniai(lsa.member("Kėdainių rajono savivaldybė"),
                lsa.member("Raseinių rajono savivaldybė"));
        body.put("parties", List.of(Map.of("memberId", lsa.member("Raseinių rajono savivaldybė")),
                Map.of("memberId", lsa.member("Kėdainių rajono savivaldybė")),
                Map.of("memberId", lsa.member("Jonavos rajono savivaldybė"))));
        body.put("status", "SUSPENDED");
        body.put("version", Long.valueOf(before.string("version")));

        Response replaced = client.put("/api/agreements/" + id, body, bearer(lsa.admin()));

        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.string("status")).isEqualTo("SUSPENDED");
        assertThat(replaced.list("parties")).extracting(party -> party.get("id")).containsExactly(
                before.list("parties").get(1).get("id"), before.list("parties").get(0).get("id"),
                replaced.list("parties").get(2).get("id"));
        Response stale = client.put("/api/agreements/" + id, body, bearer(lsa.admin()));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.string("code")).isEqualTo("version.stale");
    }

    @Test
    void anAgreementLinksTheAssociationsNetworksButNotOnesItCannotSee() {
        Associations arrange = new Associations(client);
        String network = arrange.network(lsa, "Bendruomenių tinklas", "ACTIVE", null);
        Association other = arrange.create("aglink", "Tartu");
        String hidden = arrange.network(other, "Hidden network", "ACTIVE", null);
        Map<String, Object> body = Agreements.kedainiaiRaseiniai(lsa.member("Kėdainių rajono savivaldybė"),
                lsa.member("Raseinių rajono savivaldybė"));
        body.put("networkIds", List.of(network, network));

        Response linked = client.post("/api/agreements", body, bearer(lsa.coordinator()));

        assertThat(linked.status()).as(linked.body()).isEqualTo(201);
        assertThat(linked.body()).contains("\"networkIds\":[\"" + network + "\"]", "\"eventIds\":[]");
        body.put("networkIds", List.of(network, hidden));
        body.put("eventIds", List.of(java.util.UUID.randomUUID().toString()));
        Response refused = client.post("/api/agreements", body, bearer(lsa.coordinator()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.list("errors")).extracting(error -> error.get("field") + " " + error.get("code"))
                .containsExactly("networkIds[1] link.unknownNetwork", "eventIds[0] link.unknownEvent");
    }

    @Test
    void theDashboardListsAgreementsEndingSoonOrDueForReview() {
        Association own = new Associations(client).create("agdash", "Utena", "Zarasai");
        java.time.LocalDate today = java.time.LocalDate.now();
        String ending = agreements.create(own, dated(own, "Ending", today.minusYears(1), today.plusDays(30), null));
        String review = agreements.create(own, dated(own, "Review", today.minusYears(1), null, today.minusDays(1)));
        agreements.create(own, dated(own, "Calm", today.minusYears(1), today.plusDays(400), today.plusDays(100)));

        Response dashboard = client.get("/api/dashboard", bearer(own.admin()));

        assertThat(dashboard.status()).as(dashboard.body()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, List<Map<String, Object>>> attention = (Map<String, List<Map<String, Object>>>)
                dashboard.map().get("agreements");
        assertThat(attention.get("expiring")).extracting(item -> item.get("id") + " " + item.get("date"))
                .containsExactly(ending + " " + today.plusDays(30));
        assertThat(attention.get("reviewsDue")).extracting(item -> item.get("id") + " " + item.get("date"))
                .containsExactly(review + " " + today.minusDays(1));
    }

    private static Map<String, Object> dated(Association own, String title, java.time.LocalDate startsOn,
                                             java.time.LocalDate endsOn, java.time.LocalDate nextReviewOn) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("type", "TWINNING", "title", Map.of("en", title),
                "parties", List.of(Map.of("memberId", own.member("Utena")), Map.of("memberId", own.member("Zarasai"))),
                "status", "ACTIVE", "startsOn", startsOn.toString()));
        if (endsOn != null) {
            body.put("endsOn", endsOn.toString());
        }
        if (nextReviewOn != null) {
            body.put("nextReviewOn", nextReviewOn.toString());
        }
        return body;
    }

    @Test
    void membersReadAgreementsButOnlyAdministratorsAndCoordinatorsRecordThem() {
        String officer = new Associations(client).officer(lsa, lsa.member("Jonavos rajono savivaldybė"), "agofficer");
        Response refused = client.post("/api/agreements", Agreements.kedainiaiRaseiniai(
                lsa.member("Kėdainių rajono savivaldybė"), lsa.member("Raseinių rajono savivaldybė")), bearer(officer));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(client.get("/api/agreements", bearer(officer)).status()).isEqualTo(200);
    }

    private List<Object> ids(Association association, String query) {
        Response page = client.get("/api/agreements" + query, bearer(association.admin()));
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page.list("items").stream().map(item -> item.get("id")).toList();
    }
}
