package eu.koopera.events;

import eu.koopera.events.Organisers.Association;
import eu.koopera.events.Organisers.Officer;
import eu.koopera.support.IntegrationTest;
import eu.koopera.support.MovableClock;
import eu.koopera.support.Outbox;
import eu.koopera.support.TestClient;
import eu.koopera.support.TestClient.Response;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ways a registration goes: approval, offers accepted and declined, the organiser's direct confirmation,
 * self-registration and self-cancellation by a municipal officer, split seat quotas of a joint event, and the mails
 * each step owes its registrant, in their language.
 */
@MicronautTest(transactional = false)
class EventsRegistrationFlowTest extends IntegrationTest {

    private final MovableClock clock = new MovableClock();

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    EventHousekeeping housekeeping;

    TestClient client;
    Organisers organisers;
    Association lps;
    Association llpa;
    long valmiera;
    long jelgava;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("koopera.events.housekeeping-interval", "1h");
    }

    @BeforeAll
    void twoAssociations() {
        client = new TestClient(server.getURI(), json);
        organisers = new Organisers(client);
        lps = organisers.create("evflow", "Valmieras novads");
        llpa = organisers.create("evllpa", "Jelgava");
        valmiera = lps.member("Valmieras novads");
        jelgava = llpa.member("Jelgava");
    }

    @Test
    void withApprovalARegistrationWaitsThenIsConfirmedWaitlistedOrRejectedWithAReason() {
        String event = organisers.event(lps, "Ar apstiprināšanu", 1, Map.of("requiresApproval", true));
        Response first = organisers.register(lps, event, person(lps, valmiera), Map.of());
        Response second = organisers.register(lps, event, person(lps, valmiera), Map.of());
        Response third = organisers.register(lps, event, person(lps, valmiera), Map.of());
        assertThat(List.of(first.string("status"), second.string("status"), third.string("status")))
                .containsOnly("PENDING");

        assertThat(post(first, "approve", lps).string("status")).isEqualTo("CONFIRMED");
        Response waitlisted = post(second, "approve", lps);
        assertThat(waitlisted.string("status")).isEqualTo("WAITLISTED");
        assertThat(waitlisted.string("waitlistPosition")).isEqualTo("1");
        assertThat(client.post("/api/registrations/" + third.string("id") + "/reject", Map.of("reason", " "),
                bearer(lps.admin())).status()).isEqualTo(400);
        Response rejected = client.post("/api/registrations/" + third.string("id") + "/reject",
                Map.of("reason", "Vietas tikai deputātiem"), bearer(lps.admin()));
        assertThat(rejected.string("status")).isEqualTo("REJECTED");
        assertThat(rejected.string("reason")).isEqualTo("Vietas tikai deputātiem");
        assertThat(post(first, "approve", lps).status()).isEqualTo(409);
    }

    @Test
    void aDeclinedOfferPassesToTheNextAndAnAcceptedOneConfirms() {
        String event = organisers.event(lps, "Piedāvājumi", 1, Map.of());
        Response holder = organisers.register(lps, event, person(lps, valmiera), Map.of());
        Response first = organisers.register(lps, event, person(lps, valmiera), Map.of());
        Response second = organisers.register(lps, event, person(lps, valmiera), Map.of());
        assertThat(second.string("waitlistPosition")).isEqualTo("2");

        post(holder, "cancel", lps);
        assertThat(status(first)).isEqualTo("OFFERED");
        assertThat(post(first, "decline-offer", lps).string("status")).isEqualTo("CANCELLED");
        assertThat(status(second)).isEqualTo("OFFERED");
        Response accepted = post(second, "accept-offer", lps);

        assertThat(accepted.string("status")).isEqualTo("CONFIRMED");
        assertThat(client.get("/api/events/" + event, bearer(lps.admin())).map().get("counts"))
                .isEqualTo(Map.of("confirmed", 1, "offered", 0, "waitlisted", 0, "pending", 0, "placesLeft", 0));
    }

    @Test
    void theOrganiserConfirmsAnOfferDirectlyButAWaitlistedPersonOnlyWhenAPlaceIsFree() {
        String event = organisers.event(lps, "Tieša apstiprināšana", 1, Map.of());
        Response holder = organisers.register(lps, event, person(lps, valmiera), Map.of());
        Response first = organisers.register(lps, event, person(lps, valmiera), Map.of());
        Response second = organisers.register(lps, event, person(lps, valmiera), Map.of());

        Response full = post(second, "confirm", lps);
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.string("code")).isEqualTo("event.full");
        post(holder, "cancel", lps);
        assertThat(post(first, "confirm", lps).string("status")).isEqualTo("CONFIRMED");
        assertThat(status(second)).isEqualTo("WAITLISTED");
    }

    @Test
    void anOfficerRegistersThemselvesAndCancelsUntilTheCutOff() {
        String open = organisers.event(lps, "Pašreģistrācija", 5, Map.of());
        String closed = organisers.event(lps, "Atcelšana slēgta", 5,
                Map.of("cancellationClosesAt", "2020-01-01T00:00:00"));
        Officer officer = organisers.officer(lps, valmiera, "evflow-officer");

        Response own = client.post("/api/events/" + open + "/registrations", Map.of("role", "POLITICIAN"),
                bearer(officer.token()));
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        assertThat(own.string("status")).isEqualTo("CONFIRMED");
        Response late = client.post("/api/events/" + closed + "/registrations", Map.of(), bearer(officer.token()));
        assertThat(client.get("/api/me/event-registrations", bearer(officer.token())).body())
                .contains(own.string("id"), late.string("id"));
        assertThat(client.post("/api/registrations/" + own.string("id") + "/cancel", "", bearer(officer.token()))
                .string("status")).isEqualTo("CANCELLED");

        Response refused = client.post("/api/registrations/" + late.string("id") + "/cancel", "",
                bearer(officer.token()));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.string("code")).isEqualTo("registration.cancellation-closed");
        assertThat(post(late, "cancel", lps).string("status")).isEqualTo("CANCELLED");
        String mail = Outbox.latestTo(officer.email()).orElseThrow().subject();
        assertThat(mail).contains("atcelts");
    }

    @Test
    void splitSeatsKeepEachAssociationWithinItsQuota() {
        Map<String, Object> split = new HashMap<>(Map.of("seatPool", "SPLIT"));
        String event = organisers.event(lps, "Dalītas vietas", 2, split);
        client.put("/api/events/" + event + "/organisers/" + lps.code(), Map.of("seatQuota", 1), bearer(lps.admin()));
        organisers.coOrganise(lps, event, llpa, 1);

        Response lpsFirst = organisers.register(lps, event, person(lps, valmiera), Map.of());
        Response lpsSecond = organisers.register(lps, event, person(lps, valmiera), Map.of());
        Response llpaFirst = organisers.register(llpa, event, person(llpa, jelgava), Map.of());

        assertThat(lpsFirst.string("status")).isEqualTo("CONFIRMED");
        assertThat(lpsSecond.string("status")).isEqualTo("WAITLISTED");
        assertThat(llpaFirst.string("status")).isEqualTo("CONFIRMED");
        post(llpaFirst, "cancel", llpa);
        assertThat(status(lpsSecond)).as("LLPA's freed place is not LPS's to take").isEqualTo("WAITLISTED");
        client.put("/api/events/" + event + "/organisers/" + lps.code(), Map.of("seatQuota", 2), bearer(lps.admin()));
        assertThat(status(lpsSecond)).isEqualTo("OFFERED");
    }

    @Test
    void anOfferToAnotherAssociationsRegistrantIsMailedByThatAssociationInTheirLanguage() {
        String event = organisers.event(lps, "Kopīgs piedāvājums", 1, Map.of());
        organisers.coOrganise(lps, event, llpa, null);
        Response holder = organisers.register(lps, event, person(lps, valmiera), Map.of());
        long guest = organisers.person(llpa, jelgava, "Guest", "English", "en");
        Response waiting = organisers.register(llpa, event, guest, Map.of());
        String address = Outbox.latestTo(email(llpa, waiting)).orElseThrow().subject();
        assertThat(address).contains("waitlist");

        post(holder, "cancel", lps);
        assertThat(status(waiting)).isEqualTo("OFFERED");
        assertThat(Outbox.latestTo(email(llpa, waiting)).orElseThrow().subject()).contains("waitlist");
        housekeeping.run();

        Outbox.Row offer = Outbox.latestTo(email(llpa, waiting)).orElseThrow();
        assertThat(offer.subject()).isEqualTo("Koopera: a place at \"Kopīgs piedāvājums (en)\" is offered to you");
        assertThat(offer.bodyText()).contains("Hello Guest English", "/events/" + event);
    }

    private String email(Association association, Response registration) {
        Response full = client.get("/api/registrations/" + registration.string("id"), bearer(association.admin()));
        @SuppressWarnings("unchecked")
        Map<String, Object> person = (Map<String, Object>) full.map().get("person");
        return person.get("email").toString();
    }

    private long person(Association association, long member) {
        return organisers.person(association, member, "Dalībnieks", "D" + System.nanoTime(), "lv");
    }

    private Response post(Response registration, String action, Association association) {
        return client.post("/api/registrations/" + registration.string("id") + "/" + action, "",
                bearer(association.admin()));
    }

    private String status(Response registration) {
        return client.get("/api/registrations/" + registration.string("id"), bearer(lps.admin())).string("status");
    }
}
