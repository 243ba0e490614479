package eu.koopera.partnerships;

import eu.koopera.networks.Associations;
import eu.koopera.networks.Associations.Association;
import eu.koopera.support.Database;
import eu.koopera.support.IntegrationTest;
import eu.koopera.support.TestClient;
import eu.koopera.support.TestClient.Response;
import eu.koopera.tenancy.Admission;
import eu.koopera.tenancy.TenantAdmission;
import eu.koopera.tenancy.TenantRegistry;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An agreement between members of two associations: the second association sees it to confirm, lists it once it
 * has confirmed, and a third association sees and changes nothing of it, through the API or with unfiltered SQL in
 * its own transaction.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AgreementIsolationTest extends IntegrationTest {

    private static final String[] TABLES = {"agreement", "agreement_party", "agreement_confirmation",
        "agreement_commitment", "agreement_spending", "agreement_review", "agreement_plan_step",
        "agreement_committee_member"};

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    TenantAdmission admission;
    @Inject
    TenantRegistry registry;
    @Inject
    TransactionOperations<Connection> transactions;

    TestClient client;
    Association lps;
    Association lsa;
    Association third;
    String agreement;

    @BeforeAll
    void aTwinningBetweenMembersOfTwoAssociations() {
        client = new TestClient(server.getURI(), json);
        Associations arrange = new Associations(client);
        lps = arrange.create("agiso", "Valmiera");
        lsa = arrange.create("agisolt", "Panevėžys", "Šiauliai");
        third = arrange.create("agisox", "Tartu");
        agreement = new Agreements(client).create(lps, Agreements.twinning(lps.member("Valmiera"), lsa.code(),
                lsa.member("Panevėžys")));
        String party = new Agreements(client).party(lps, agreement, 0);
        Response committed = client.post("/api/agreements/" + agreement + "/commitments", Map.of("party", party,
                "year", 2025, "amount", 1000, "currency", "EUR"), bearer(lps.admin()));
        assertThat(committed.status()).as(committed.body()).isEqualTo(201);
    }

    @Test
    @Order(1)
    void theNamedAssociationSeesItToConfirmButDoesNotListItYet() {
        Response asked = client.get("/api/agreement-confirmations", bearer(lsa.admin()));
        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        List<Map<String, Object>> confirmations = json(asked);
        assertThat(confirmations).singleElement().satisfies(confirmation -> {
            assertThat(confirmation.get("agreementId")).isEqualTo(agreement);
            assertThat(confirmation.get("status")).isEqualTo("PENDING");
            assertThat(confirmation.get("owner")).isEqualTo(lps.code());
        });
        assertThat(client.get("/api/agreements/" + agreement, bearer(lsa.admin())).status()).isEqualTo(200);
        assertThat(client.get("/api/agreements", bearer(lsa.admin())).list("items")).isEmpty();
        Response owner = client.get("/api/agreements/" + agreement, bearer(lps.admin()));
        assertThat(owner.list("parties").get(1)).containsEntry("confirmed", false).doesNotContainKey("memberName");
    }

    @Test
    @Order(2)
    void theNamedAssociationMayReadButNotChangeIt() {
        Response read = client.get("/api/agreements/" + agreement, bearer(lsa.admin()));
        Map<String, Object> body = Agreements.twinning(lsa.member("Šiauliai"), lps.code(), lps.member("Valmiera"));
        body.put("version", Long.valueOf(read.string("version")));
        assertThat(client.put("/api/agreements/" + agreement, body, bearer(lsa.admin())).status()).isEqualTo(403);
        assertThat(write(lsa, "UPDATE shared.agreement SET status = 'ENDED'")).isZero();
        assertThat(write(lsa, "DELETE FROM shared.agreement_party")).isZero();
        assertThat(write(lsa, "UPDATE shared.agreement_commitment SET amount = 1")).isZero();
        assertThatThrownBy(() -> write(lsa, "UPDATE shared.agreement_party SET country = 'LT' WHERE tenant_code = '"
                + lsa.code() + "'")).hasMessageContaining("only name its own member");
        assertThatThrownBy(() -> write(lsa, "UPDATE shared.agreement_confirmation SET owner_tenant = '"
                + lsa.code() + "'")).hasMessageContaining("only the decision");
    }

    @Test
    @Order(3)
    void aThirdAssociationSeesAndChangesNothingThroughTheApi() {
        String path = "/api/agreements/" + agreement;
        assertThat(client.get(path, bearer(third.admin())).status()).isEqualTo(404);
        assertThat(client.get(path + "/fulfilment", bearer(third.admin())).status()).isEqualTo(404);
        assertThat(client.post(path + "/confirm", "", bearer(third.admin())).status()).isEqualTo(404);
        Map<String, Object> body = Agreements.twinning(third.member("Tartu"), lps.code(), lps.member("Valmiera"));
        body.put("version", 0);
        assertThat(client.put(path, body, bearer(third.admin())).status()).isEqualTo(404);
        assertThat(client.post(path + "/commitments", Map.of("party", new Agreements(client).party(lps, agreement, 0),
                "year", 2026, "amount", 5, "currency", "EUR"), bearer(third.admin())).status()).isEqualTo(404);
        assertThat(json(client.get("/api/agreement-confirmations", bearer(third.admin())))).isEmpty();
        assertThat(client.get("/api/agreements", bearer(third.admin())).list("items")).isEmpty();
    }

    @Test
    @Order(4)
    void unfilteredSqlInAThirdAssociationsTransactionSeesAndTouchesNoRow() {
        for (String table : TABLES) {
            assertThat(read(third, "SELECT count(*) FROM shared." + table)).as(table).containsExactly("0");
        }
        assertThat(write(third, "UPDATE shared.agreement SET status = 'ENDED'")).isZero();
        assertThat(write(third, "UPDATE shared.agreement_party SET member_name = 'forged'")).isZero();
        assertThat(write(third, "UPDATE shared.agreement_confirmation SET status = 'CONFIRMED', decided_at = now()"))
                .isZero();
        assertThat(write(third, "DELETE FROM shared.agreement_commitment")).isZero();
        assertThatThrownBy(() -> write(third, "INSERT INTO shared.agreement_confirmation (agreement_id, owner_tenant, "
                + "tenant_code, requested_by) VALUES ('" + agreement + "', '" + lps.code() + "', '" + third.code()
                + "', 'attacker')")).hasMessageContaining("row-level security");
        assertThatThrownBy(() -> write(third, "INSERT INTO shared.agreement_party (agreement_id, owner_tenant, "
                + "position, kind, name, country) VALUES ('" + agreement + "', '" + lps.code() + "', 9, 'FOREIGN', "
                + "'Forged', 'EE')")).hasMessageContaining("row-level security");
        assertThat(Database.count("SELECT count(*) FROM shared.agreement WHERE id = '" + agreement
                + "' AND status = 'DRAFT'")).isOne();
    }

    @Test
    @Order(5)
    void afterConfirmingTheSecondAssociationListsItWithItsMembersName() {
        assertThat(client.post("/api/agreements/" + agreement + "/confirm", "", bearer(lsa.coordinator())).status())
                .isEqualTo(403);
        Response confirmed = client.post("/api/agreements/" + agreement + "/confirm", "", bearer(lsa.admin()));

        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.list("parties").get(1)).containsEntry("memberName", "Panevėžys")
                .containsEntry("confirmed", true);
        assertThat(client.get("/api/agreements", bearer(lsa.admin())).list("items"))
                .extracting(item -> item.get("id")).containsExactly(agreement);
        assertThat(json(client.get("/api/agreement-confirmations?status=CONFIRMED", bearer(lsa.admin()))))
                .singleElement().satisfies(item -> assertThat(item.get("status")).isEqualTo("CONFIRMED"));
        Response again = client.post("/api/agreements/" + agreement + "/confirm", "", bearer(lsa.admin()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.string("code")).isEqualTo("agreement.confirmedAlready");
        assertThat(client.get("/api/agreements/" + agreement, bearer(third.admin())).status()).isEqualTo(404);
        assertThat(read(third, "SELECT count(*) FROM shared.agreement_party")).containsExactly("0");
    }

    @Test
    @Order(6)
    void onceConfirmedTheOwnerMayActivateItAndAChangeOfTheOtherMembersAsksAgain() {
        Response read = client.get("/api/agreements/" + agreement, bearer(lps.admin()));
        Map<String, Object> body = Agreements.twinning(lps.member("Valmiera"), lsa.code(), lsa.member("Panevėžys"));
        body.put("status", "ACTIVE");
        body.put("version", Long.valueOf(read.string("version")));
        Response active = client.put("/api/agreements/" + agreement, body, bearer(lps.admin()));
        assertThat(active.status()).as(active.body()).isEqualTo(200);

        body.put("parties", List.of(Map.of("memberId", lps.member("Valmiera")),
                Map.of("tenant", lsa.code(), "memberId", lsa.member("Šiauliai"))));
        body.put("version", Long.valueOf(active.string("version")));
        Response refused = client.put("/api/agreements/" + agreement, body, bearer(lps.admin()));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.string("code")).isEqualTo("agreement.unconfirmed");
        body.put("status", "DRAFT");
        Response draft = client.put("/api/agreements/" + agreement, body, bearer(lps.admin()));
        assertThat(draft.status()).as(draft.body()).isEqualTo(200);
        assertThat(json(client.get("/api/agreement-confirmations?status=PENDING", bearer(lsa.admin()))))
                .singleElement().satisfies(item -> assertThat(item.get("members")).asString().contains("Šiauliai"));

        body.put("parties", List.of(Map.of("foreign", Map.of("name", "Växjö", "country", "SE")),
                Map.of("tenant", lsa.code(), "memberId", lsa.member("Šiauliai"))));
        body.put("version", Long.valueOf(draft.string("version")));
        Response withEntries = client.put("/api/agreements/" + agreement, body, bearer(lps.admin()));
        assertThat(withEntries.status()).as(withEntries.body()).isEqualTo(409);
        assertThat(withEntries.string("code")).isEqualTo("party.hasEntries");
    }

    private List<Map<String, Object>> json(Response response) {
        try {
            return json.readValue(response.body(), io.micronaut.core.type.Argument.listOf(
                    io.micronaut.core.type.Argument.mapOf(String.class, Object.class)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<String> read(Association association, String query) {
        return admission.callAs(Admission.of(registry.find(association.code()).orElseThrow()),
                () -> transactions.executeRead(status -> Database.strings(status.getConnection(), query)));
    }

    /** Runs {@code statement} in the association's transaction and rolls it back; returns the rows it touched. */
    private int write(Association association, String statement) {
        return admission.callAs(Admission.of(registry.find(association.code()).orElseThrow()),
                () -> transactions.executeWrite(status -> {
                    status.setRollbackOnly();
                    try (PreparedStatement prepared = status.getConnection().prepareStatement(statement)) {
                        return prepared.executeUpdate();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e.getMessage(), e);
                    }
                }));
    }
}
