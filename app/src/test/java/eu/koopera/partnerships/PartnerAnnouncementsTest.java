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
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * "Looking for a partner" announcements: read by every association, answered by others, their replies read only by
 * the announcement's owner and the replying association; closed by the owner or by the deadline.
 */
@MicronautTest(transactional = false)
class PartnerAnnouncementsTest extends IntegrationTest {

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

    @BeforeAll
    void threeAssociations() {
        client = new TestClient(server.getURI(), json);
        Associations arrange = new Associations(client);
        lps = arrange.create("pann", "Valmiera");
        lsa = arrange.create("pannlt", "Raseiniai");
        third = arrange.create("pannx", "Tartu");
    }

    @Test
    void anAnnouncementIsReadByAllAndItsRepliesOnlyByTheOwnerAndTheReplier() {
        String id = announce(lps, "Jaunatne", LocalDate.now().plusDays(30));
        Response seen = client.get("/api/partner-announcements?status=OPEN&theme=jaun", bearer(third.admin()));
        assertThat(seen.status()).isEqualTo(200);
        assertThat(ids(seen)).contains(id);
        Response one = client.get("/api/partner-announcements/" + id, bearer(lsa.admin()));
        assertThat(one.map()).containsEntry("memberName", "Valmiera").containsEntry("status", "OPEN")
                .containsEntry("owner", lps.code());

        Response reply = client.post("/api/partner-announcements/" + id + "/replies", Map.of("memberId",
                lsa.member("Raseiniai"), "message", "Raseiniai ieško partnerių jaunimo srityje"), bearer(lsa.coordinator()));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        Response other = client.post("/api/partner-announcements/" + id + "/replies", Map.of("memberId",
                third.member("Tartu"), "message", "Tartu on huvitatud"), bearer(third.admin()));
        assertThat(other.status()).as(other.body()).isEqualTo(201);

        assertThat(client.get("/api/partner-announcements/" + id + "/replies", bearer(lps.admin())).body())
                .contains("Raseiniai ieško", "Tartu on huvitatud");
        assertThat(client.get("/api/partner-announcements/" + id + "/replies", bearer(lsa.admin())).body())
                .contains("Raseiniai ieško").doesNotContain("Tartu on huvitatud");
        assertThat(client.get("/api/partner-announcements/" + id + "/replies", bearer(third.admin())).body())
                .contains("Tartu on huvitatud").doesNotContain("Raseiniai ieško");
        assertThat(client.get("/api/partner-announcements/" + id, bearer(lps.admin())).map())
                .containsEntry("replies", 2);
        assertThat(client.get("/api/partner-announcements/" + id, bearer(third.admin())).map())
                .containsEntry("replies", 1);

        assertThat(read(third, "SELECT message FROM shared.partner_announcement_reply"))
                .containsExactly("Tartu on huvitatud");
        assertThat(write(third, "UPDATE shared.partner_announcement_reply SET message = 'forged'")).isZero();
        assertThat(write(third, "UPDATE shared.partner_announcement SET status = 'CLOSED'")).isZero();
        assertThatThrownBy(() -> write(third, "INSERT INTO shared.partner_announcement_reply (announcement_id, "
                + "owner_tenant, tenant_code, member_id, member_name, message, created_by) VALUES ('" + id + "', '"
                + lps.code() + "', '" + lsa.code() + "', 1, 'x', 'forged', 'attacker')"))
                .hasMessageContaining("row-level security");
    }

    @Test
    void anAnnouncementClosesByItsOwnerOrItsDeadline() {
        String id = announce(lps, "Kultūra", LocalDate.now().plusDays(3));
        assertThat(client.post("/api/partner-announcements/" + id + "/close", "", bearer(lsa.admin())).status())
                .isEqualTo(403);
        Response closed = client.post("/api/partner-announcements/" + id + "/close", "", bearer(lps.coordinator()));
        assertThat(closed.map()).containsEntry("status", "CLOSED");
        Response refused = client.post("/api/partner-announcements/" + id + "/replies", Map.of("memberId",
                lsa.member("Raseiniai"), "message", "Per vėlu"), bearer(lsa.admin()));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.string("code")).isEqualTo("announcement.closed");
        assertThat(ids(client.get("/api/partner-announcements?status=CLOSED", bearer(lsa.admin())))).contains(id);
        assertThat(ids(client.get("/api/partner-announcements?status=OPEN", bearer(lsa.admin())))).doesNotContain(id);

        String expired = announce(lps, "Sports", LocalDate.now());
        assertThat(write(lps, "UPDATE shared.partner_announcement SET deadline = current_date - 1 WHERE id = '"
                + expired + "'")).isEqualTo(1);
        expire(expired);
        Response late = client.get("/api/partner-announcements/" + expired, bearer(third.admin()));
        assertThat(late.map()).containsEntry("status", "CLOSED");
        assertThat(ids(client.get("/api/partner-announcements?status=OPEN", bearer(third.admin()))))
                .doesNotContain(expired);
    }

    @Test
    void badAnnouncementsAndRepliesAreRefusedWithCodesAndNothingWritten() {
        int before = ids(client.get("/api/partner-announcements", bearer(lps.admin()))).size();
        Response past = client.post("/api/partner-announcements", body(lps.member("Valmiera"), "Jaunatne",
                LocalDate.now().minusDays(1)), bearer(lps.admin()));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.body()).contains("announcement.deadlinePast");
        Response unknown = client.post("/api/partner-announcements", body(987654, "Jaunatne",
                LocalDate.now().plusDays(1)), bearer(lps.admin()));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("announcement.unknownMember");
        Response blank = client.post("/api/partner-announcements", body(lps.member("Valmiera"), " ",
                LocalDate.now().plusDays(1)), bearer(lps.admin()));
        assertThat(blank.status()).isEqualTo(400);
        Response noText = client.post("/api/partner-announcements", Map.of("memberId", lps.member("Valmiera"),
                "theme", "X", "text", Map.of(), "deadline", LocalDate.now().plusDays(1).toString()),
                bearer(lps.admin()));
        assertThat(noText.status()).isEqualTo(400);
        assertThat(ids(client.get("/api/partner-announcements", bearer(lps.admin())))).hasSize(before);

        String id = announce(lps, "Ekonomika", LocalDate.now().plusDays(5));
        Response own = client.post("/api/partner-announcements/" + id + "/replies", Map.of("memberId",
                lps.member("Valmiera"), "message", "Mēs paši"), bearer(lps.admin()));
        assertThat(own.status()).isEqualTo(409);
        assertThat(own.string("code")).isEqualTo("announcement.own");
        Response notOurs = client.post("/api/partner-announcements/" + id + "/replies", Map.of("memberId",
                987654, "message", "Ne mūsu"), bearer(lsa.admin()));
        assertThat(notOurs.status()).isEqualTo(400);
        assertThat(notOurs.body()).contains("announcement.unknownMember");
        Response empty = client.post("/api/partner-announcements/" + id + "/replies", Map.of("memberId",
                lsa.member("Raseiniai"), "message", ""), bearer(lsa.admin()));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(client.get("/api/partner-announcements/" + id + "/replies", bearer(lps.admin())).body())
                .isEqualTo("[]");
        Response missing = client.get("/api/partner-announcements/00000000-0000-0000-0000-000000000001",
                bearer(lps.admin()));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.string("code")).isEqualTo("announcement.notFound");
    }

    private void expire(String id) {
        assertThat(read(lps, "SELECT deadline < current_date FROM shared.partner_announcement WHERE id = '" + id
                + "'")).containsExactly("t");
    }

    private String announce(Association owner, String theme, LocalDate deadline) {
        Response created = client.post("/api/partner-announcements", body(owner.member(
                owner.members().keySet().iterator().next()), theme, deadline), bearer(owner.coordinator()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.string("id");
    }

    private static Map<String, Object> body(long member, String theme, LocalDate deadline) {
        return Map.of("memberId", member, "theme", theme, "text", Map.of("lv", "Meklējam partneri: " + theme,
                "en", "Looking for a partner: " + theme), "deadline", deadline.toString());
    }

    private List<Object> ids(Response found) {
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        try {
            List<Map<String, Object>> items = json.readValue(found.body(), Argument.listOf(Argument.mapOf(
                    String.class, Object.class)));
            return items.stream().map(item -> item.get("id")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<String> read(Association association, String query) {
        return admission.callAs(Admission.of(registry.find(association.code()).orElseThrow()),
                () -> transactions.executeRead(status -> Database.strings(status.getConnection(), query)));
    }

    private int write(Association association, String statement) {
        return admission.callAs(Admission.of(registry.find(association.code()).orElseThrow()),
                () -> transactions.executeWrite(status -> {
                    try (PreparedStatement prepared = status.getConnection().prepareStatement(statement)) {
                        return prepared.executeUpdate();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e.getMessage(), e);
                    }
                }));
    }
}
