package eu.koopera.partnerships;

import eu.koopera.networks.Associations.Association;
import eu.koopera.support.TestClient;
import eu.koopera.support.TestClient.Response;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/** Arranges agreements through the API. */
final class Agreements {

    private final TestClient client;

    Agreements(TestClient client) {
        this.client = client;
    }

    /** The body of the Kėdainiai–Raseiniai cooperation agreement, as signed in Dotnuva on 17 October 2023. */
    static Map<String, Object> kedainiaiRaseiniai(long kedainiai, long raseiniai) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", "COOPERATION_AGREEMENT");
        body.put("title", Map.of("lt", "Bendradarbiavimo sutartis dėl bendruomeninių organizacijų stiprinimo",
                "en", "Cooperation agreement on strengthening community organisations"));
        body.put("parties", List.of(Map.of("memberId", kedainiai), Map.of("memberId", raseiniai)));
        body.put("formsOfCooperation", List.of(
                Map.of("lt", "Abipusės konsultacijos bendruomenių verslo ir viešųjų paslaugų perdavimo klausimais"),
                Map.of("lt", "Dalijimasis specialistų žiniomis, tyrimais ir gerąja patirtimi"),
                Map.of("lt", "Bendri projektai bendruomeninėms organizacijoms ir pilietiniam dalyvavimui"),
                Map.of("lt", "Šalių populiarinimas")));
        body.put("purpose", "Stiprinti bendruomenines organizacijas");
        body.put("signedOn", "2023-10-17");
        body.put("signedPlace", "Dotnuva");
        body.put("startsOn", "2024-01-01");
        body.put("endsOn", "2026-12-31");
        body.put("status", "ACTIVE");
        return body;
    }

    /** A twinning between a member of {@code owner} and a member of {@code other}, recorded as a DRAFT. */
    static Map<String, Object> twinning(long ownMember, String otherTenant, long otherMember) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", "TWINNING");
        body.put("title", Map.of("lv", "Sadraudzība", "lt", "Partnerystė"));
        body.put("parties", List.of(Map.of("memberId", ownMember),
                Map.of("tenant", otherTenant, "memberId", otherMember),
                Map.of("foreign", Map.of("name", "Växjö", "country", "SE"))));
        body.put("startsOn", "2025-01-01");
        return body;
    }

    String create(Association owner, Map<String, Object> body) {
        Response created = client.post("/api/agreements", body, bearer(owner.coordinator()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.string("id");
    }

    /** The id of the party at {@code index} of the agreement, as {@code reader} sees it. */
    String party(Association reader, String agreement, int index) {
        Response read = client.get("/api/agreements/" + agreement, bearer(reader.admin()));
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        return read.list("parties").get(index).get("id").toString();
    }
}
