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

/** Each bad agreement gets a clear problem with a stable code, naming the field or party, and writes nothing. */
@MicronautTest(transactional = false)
class AgreementsBadInputTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    TestClient client;
    Association lsa;
    Association lps;
    long kedainiai;
    long raseiniai;

    @BeforeAll
    void twoAssociations() {
        client = new TestClient(server.getURI(), json);
        Associations arrange = new Associations(client);
        lsa = arrange.create("agbad", "Kėdainiai", "Raseiniai");
        lps = arrange.create("agbadlv", "Ogre");
        kedainiai = lsa.member("Kėdainiai");
        raseiniai = lsa.member("Raseiniai");
    }

    @Test
    void onePartyIsRefused() {
        Map<String, Object> body = valid();
        body.put("parties", List.of(Map.of("memberId", kedainiai)));
        assertRefused(body, 400, "parties", "agreement.tooFewParties");
    }

    @Test
    void thePartyOfAnUnknownAssociationIsNamedByItsIndex() {
        Map<String, Object> body = valid();
        body.put("parties", List.of(Map.of("memberId", kedainiai), Map.of("tenant", "nosuchassoc", "memberId", 7)));
        assertRefused(body, 400, "parties[1].tenant", "party.unknownAssociation");
    }

    @Test
    void anUnknownOwnMemberIsNamedByItsIndex() {
        Map<String, Object> body = valid();
        body.put("parties", List.of(Map.of("foreign", Map.of("name", "Växjö", "country", "SE")),
                Map.of("memberId", kedainiai), Map.of("memberId", 987_654_321L)));
        assertRefused(body, 400, "parties[2].memberId", "party.unknownMember");
    }

    @Test
    void theSamePartyTwiceIsRefused() {
        Map<String, Object> body = valid();
        body.put("parties", List.of(Map.of("memberId", kedainiai), Map.of("foreign", Map.of("name", "Växjö",
                "country", "SE")), Map.of("foreign", Map.of("name", "VÄXJÖ", "country", "se"))));
        assertRefused(body, 400, "parties[2]", "party.duplicate");
    }

    @Test
    void aPartyOfTwoShapesOrAnUnknownCountryIsRefused() {
        Map<String, Object> body = valid();
        body.put("parties", List.of(Map.of("memberId", kedainiai, "foreign", Map.of("name", "X", "country", "SE")),
                Map.of("memberId", raseiniai)));
        assertRefused(body, 400, "parties[0]", "party.shape");
        body.put("parties", List.of(Map.of("memberId", kedainiai), Map.of("foreign", Map.of("name", "X",
                "country", "XX"))));
        assertRefused(body, 400, "parties[1].foreign.country", "party.country");
    }

    @Test
    void anEndBeforeTheStartIsRefused() {
        Map<String, Object> body = valid();
        body.put("startsOn", "2026-01-01");
        body.put("endsOn", "2025-12-31");
        assertRefused(body, 400, "endsOn", "period.endsBeforeStart");
    }

    @Test
    void aCommunityPartnershipNeedsItsLegalFormAndOnlyItHasOne() {
        Map<String, Object> body = valid();
        body.put("type", "COMMUNITY_PARTNERSHIP");
        assertRefused(body, 400, "legalForm", "agreement.legalFormRequired");
        body.put("type", "TWINNING");
        body.put("legalForm", "PROJECT_FINANCING");
        assertRefused(body, 400, "legalForm", "agreement.legalFormNotApplicable");
    }

    @Test
    void anUnknownTypeOrAMissingTitleIsRefused() {
        Map<String, Object> body = valid();
        body.put("type", "FRIENDSHIP");
        assertStatus(body, 400);
        body.put("type", "TWINNING");
        body.put("title", Map.of("lv", "  "));
        assertRefused(body, 400, "title", "text.required");
    }

    @Test
    void anAgreementWithAnotherAssociationsMemberStaysADraftUntilConfirmed() {
        Map<String, Object> body = valid();
        body.put("parties", List.of(Map.of("memberId", kedainiai), Map.of("tenant", lps.code(),
                "memberId", lps.member("Ogre"))));
        body.put("status", "ACTIVE");
        int before = rows();
        Response refused = client.post("/api/agreements", body, bearer(lsa.coordinator()));
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.string("code")).isEqualTo("agreement.unconfirmed");
        assertThat(refused.string("detail")).contains(lps.code());
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void anAgreementOfAnotherAssociationIsNotFoundAndAStaleOrMissingVersionIsRefused() {
        Response created = client.post("/api/agreements", valid(), bearer(lsa.coordinator()));
        String id = created.string("id");
        Map<String, Object> body = valid();
        Response missing = client.put("/api/agreements/" + id, body, bearer(lsa.admin()));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.string("code")).isEqualTo("version.required");
        body.put("version", 0);
        assertThat(client.put("/api/agreements/" + id, body, bearer(lps.admin())).status()).isEqualTo(404);
        assertThat(client.get("/api/agreements/" + id, bearer(lps.admin())).status()).isEqualTo(404);
        assertThat(client.get("/api/agreements/not-a-uuid", bearer(lsa.admin())).status()).isEqualTo(400);
    }

    private Map<String, Object> valid() {
        return new java.util.HashMap<>(Agreements.kedainiaiRaseiniai(kedainiai, raseiniai));
    }

    private void assertRefused(Map<String, Object> body, int status, String field, String code) {
        int before = rows();
        Response refused = client.post("/api/agreements", body, bearer(lsa.coordinator()));
        assertThat(refused.status()).as(refused.body()).isEqualTo(status);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.list("errors")).as(refused.body()).anySatisfy(error -> {
            assertThat(error.get("field")).isEqualTo(field);
            assertThat(error.get("code")).isEqualTo(code);
        });
        assertThat(rows()).isEqualTo(before);
    }

    private void assertStatus(Map<String, Object> body, int status) {
        int before = rows();
        Response refused = client.post("/api/agreements", body, bearer(lsa.coordinator()));
        assertThat(refused.status()).as(refused.body()).isEqualTo(status);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(rows()).isEqualTo(before);
    }

    /** The agreements, parties and confirmations the association's agreements have, in all. */
    private int rows() {
        String owner = "owner_tenant = '" + lsa.code() + "'";
        return Database.count("SELECT (SELECT count(*) FROM shared.agreement WHERE " + owner + ") + (SELECT count(*) "
                + "FROM shared.agreement_party WHERE " + owner + ") + (SELECT count(*) FROM "
                + "shared.agreement_confirmation WHERE " + owner + ")");
    }
}
