package eu.koopera.partnerships;

import eu.koopera.networks.Associations;
import eu.koopera.networks.Associations.Association;
import eu.koopera.support.IntegrationTest;
import eu.koopera.support.Outbox;
import eu.koopera.support.TestClient;
import eu.koopera.support.TestClient.Response;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reviews and their reminders: the agreement's creator gets one e-mail through the outbox 14 days (the default)
 * before the next review, once per review date, and again for the next date a review sets.
 */
@MicronautTest(transactional = false)
class ReviewRemindersTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    ReviewReminders reminders;

    TestClient client;
    Association lps;
    String creator;

    @BeforeAll
    void anAssociation() {
        client = new TestClient(server.getURI(), json);
        lps = new Associations(client).create("agreview", "Cēsis", "Sigulda");
        creator = "coordinator@" + lps.code() + ".example";
    }

    @Test
    void theCreatorIsRemindedOncePerReviewDateWithinTheReminderPeriod() {
        LocalDate today = LocalDate.now();
        String soon = agreement("Cēsis–Sigulda soon", today.plusDays(10));
        agreement("Cēsis–Sigulda later", today.plusDays(30));
        int before = Outbox.countTo(creator);

        reminders.run();

        assertThat(Outbox.countTo(creator)).isEqualTo(before + 1);
        Outbox.Row mail = Outbox.latestTo(creator).orElseThrow();
        assertThat(mail.subject()).contains("Cēsis–Sigulda soon").contains(today.plusDays(10).toString());
        assertThat(mail.bodyText()).contains("/partnerships/" + soon);
        reminders.run();
        assertThat(Outbox.countTo(creator)).isEqualTo(before + 1);

        Response reviewed = client.post("/api/agreements/" + soon + "/reviews", Map.of("reviewedOn",
                today.toString(), "notes", "Komiteja tikās; turpinām.", "nextReviewOn", today.plusDays(3).toString()),
                bearer(lps.admin()));
        assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(201);
        assertThat(client.get("/api/agreements/" + soon, bearer(lps.admin())).string("nextReviewOn"))
                .isEqualTo(today.plusDays(3).toString());
        reminders.run();
        assertThat(Outbox.countTo(creator)).isEqualTo(before + 2);
        assertThat(Outbox.latestTo(creator).orElseThrow().subject()).contains(today.plusDays(3).toString());
    }

    @Test
    void reviewsAreListedLatestFirstAndANextReviewNotAfterTheReviewIsRefused() {
        String id = agreement("Pārskatāmais", null);
        Response first = client.post("/api/agreements/" + id + "/reviews", Map.of("reviewedOn", "2025-03-01",
                "nextReviewOn", "2026-03-01"), bearer(lps.coordinator()));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        client.post("/api/agreements/" + id + "/reviews", Map.of("reviewedOn", "2026-03-02", "notes", "Labi"),
                bearer(lps.coordinator()));
        Response refused = client.post("/api/agreements/" + id + "/reviews", Map.of("reviewedOn", "2026-04-01",
                "nextReviewOn", "2026-04-01"), bearer(lps.coordinator()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.list("errors").getFirst()).containsEntry("field", "nextReviewOn")
                .containsEntry("code", "review.nextNotAfter");

        Response listed = client.get("/api/agreements/" + id + "/reviews", bearer(lps.admin()));
        assertThat(listed.body()).contains("2026-03-02");
        assertThat(listed.body().indexOf("2026-03-02")).isLessThan(listed.body().indexOf("2025-03-01"));
        assertThat(listed.body()).doesNotContain("2026-04-01");
        assertThat(client.get("/api/agreements/" + id, bearer(lps.admin())).string("nextReviewOn")).isNull();
    }

    private String agreement(String title, LocalDate nextReviewOn) {
        Map<String, Object> body = new HashMap<>(Map.of("type", "TWINNING", "title", Map.of("lv", title),
                "parties", List.of(Map.of("memberId", lps.member("Cēsis")),
                        Map.of("foreign", Map.of("name", "Achim", "country", "DE"))), "status", "ACTIVE"));
        if (nextReviewOn != null) {
            body.put("nextReviewOn", nextReviewOn.toString());
        }
        return new Agreements(client).create(lps, body);
    }
}
