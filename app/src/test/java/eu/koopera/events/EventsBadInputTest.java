package eu.koopera.events;

import eu.koopera.events.Organisers.Association;
import eu.koopera.support.Database;
import eu.koopera.support.IntegrationTest;
import eu.koopera.support.MovableClock;
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
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/** Each bad request about events gets a clear problem with a stable code and writes nothing. */
@MicronautTest(transactional = false)
class EventsBadInputTest extends IntegrationTest {

    private final MovableClock clock = new MovableClock();

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    TestClient client;
    Organisers organisers;
    Association lps;
    Association other;
    long ogre;
    long cesis;

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
        lps = organisers.create("evbad", "Ogres novads", "Cēsu novads");
        other = organisers.create("evoth", "Kauno miestas");
        ogre = lps.member("Ogres novads");
        cesis = lps.member("Cēsu novads");
    }

    @Test
    void aRegistrationBeforeTheRegistrationOpensIsRefused() {
        String event = organisers.event(lps, "Vēl neatvērts", 5, Map.of("registrationOpensAt", "2030-01-01T00:00:00"));

        assertProblem(register(event, person(ogre)), 409, "conflict", "registration.not-yet-open");
        assertThat(registrations(event)).isZero();
    }

    @Test
    void aRegistrationAfterTheRegistrationClosedIsRefused() {
        String event = organisers.event(lps, "Jau slēgts", 5, Map.of("registrationOpensAt", "2020-01-01T00:00:00",
                "registrationClosesAt", "2020-02-01T00:00:00"));

        assertProblem(register(event, person(ogre)), 409, "conflict", "registration.closed");
        assertThat(registrations(event)).isZero();
    }

    @Test
    void aRegistrationForACancelledEventIsRefused() {
        String event = organisers.event(lps, "Atcelts", 5, Map.of("status", "CANCELLED"));

        assertProblem(register(event, person(ogre)), 409, "conflict", "event.cancelled");
        assertThat(registrations(event)).isZero();
    }

    @Test
    void aSecondRegistrationOfTheSamePersonIsRefused() {
        String event = organisers.event(lps, "Divreiz", 5, Map.of());
        long person = person(ogre);
        assertThat(register(event, person).status()).isEqualTo(201);

        assertProblem(register(event, person), 409, "conflict", "registration.duplicate");
        assertThat(registrations(event)).isOne();
    }

    @Test
    void aPersonOfAnotherAssociationCannotBeRegistered() {
        long foreign = 0;
        for (int i = 0; i < 30; i++) { // ids are per association: this one names nobody in ours
            foreign = organisers.person(other, other.member("Kauno miestas"), "Svetimas", "Nr" + i, "lt");
        }
        assertThat(Database.count("SELECT count(*) FROM t_" + lps.code() + ".person WHERE id = " + foreign))
                .isZero();
        String event = organisers.event(lps, "Svešs", 5, Map.of());

        assertProblem(register(event, foreign), 400, "invalid-request", "registration.unknown-person");
        assertThat(registrations(event)).isZero();
    }

    @Test
    void aRegistrationPastTheMunicipalitysQuotaIsRefused() {
        String event = organisers.event(lps, "Kvota", 5, Map.of("memberQuota", 1));
        assertThat(register(event, person(cesis)).status()).isEqualTo(201);

        assertProblem(register(event, person(cesis)), 409, "conflict", "registration.member-quota");
        assertThat(registrations(event)).isOne();
        assertThat(register(event, person(ogre)).status()).isEqualTo(201);
    }

    @Test
    void theCapacityCannotBeLoweredBelowThePlacesTaken() {
        String event = organisers.event(lps, "Ietilpība", 2, Map.of());
        register(event, person(ogre));
        register(event, person(cesis));
        Map<String, Object> change = Organisers.eventBody("Ietilpība", 1);
        change.put("version", 0);

        assertProblem(client.put("/api/events/" + event, change, bearer(lps.admin())), 409, "conflict",
                "event.capacity-below-taken");
        assertThat(Database.count("SELECT capacity FROM shared.event WHERE id = '" + event + "'")).isEqualTo(2);
    }

    @Test
    void anEventEndingBeforeItStartsIsRefused() {
        Map<String, Object> body = Organisers.eventBody("Atpakaļ laikā", 5);
        body.put("endsAt", "2030-09-13T18:00:00");

        Response response = client.post("/api/events", body, bearer(lps.admin()));

        assertProblem(response, 400, "invalid-request", null);
        assertThat(response.list("errors")).extracting(error -> error.get("field")).containsExactly("endsAt");
        assertThat(Database.count("SELECT count(*) FROM shared.event WHERE title_i18n ->> 'lv' = 'Atpakaļ laikā'"))
                .isZero();
    }

    @Test
    void anUnknownKindOrStatusOrAMissingTitleIsRefused() {
        Map<String, Object> picnic = Organisers.eventBody("Pikniks", 5);
        picnic.put("kind", "PICNIC");
        assertProblem(client.post("/api/events", picnic, bearer(lps.admin())), 400, "invalid-request", null);
        Map<String, Object> status = Organisers.eventBody("Pikniks", 5);
        status.put("status", "MAYBE");
        assertProblem(client.post("/api/events", status, bearer(lps.admin())), 400, "invalid-request", null);
        Map<String, Object> untitled = Organisers.eventBody("Pikniks", 5);
        untitled.remove("title");
        assertProblem(client.post("/api/events", untitled, bearer(lps.admin())), 400, "invalid-request", null);
        Map<String, Object> blank = Organisers.eventBody("Pikniks", 5);
        blank.put("title", Map.of("lv", " "));
        assertProblem(client.post("/api/events", blank, bearer(lps.admin())), 400, "invalid-request", null);
        assertThat(Database.count("SELECT count(*) FROM shared.event WHERE city = 'Oslo' AND (title_i18n ->> 'lv' "
                + "IS NULL OR title_i18n ->> 'lv' = 'Pikniks')")).isZero();

        String event = organisers.event(lps, "Statusi", 5, Map.of());
        assertProblem(client.get("/api/events/" + event + "/registrations?status=LOST", bearer(lps.admin())), 400,
                "invalid-request", null);
        assertProblem(client.post("/api/events/" + event + "/registrations", Map.of("personId", person(ogre),
                "role", "MAYOR"), bearer(lps.admin())), 400, "invalid-request", null);
        assertThat(registrations(event)).isZero();
    }

    @Test
    void anOfferAcceptedAfterItsDeadlineIsRefused() {
        String event = organisers.event(lps, "Termiņš", 1, Map.of());
        String first = register(event, person(ogre)).string("id");
        String second = register(event, person(cesis)).string("id");
        client.post("/api/registrations/" + first + "/cancel", "", bearer(lps.admin()));
        assertThat(status(second)).isEqualTo("OFFERED");

        clock.advance(Duration.ofHours(49));

        assertProblem(client.post("/api/registrations/" + second + "/accept-offer", "", bearer(lps.admin())), 409,
                "conflict", "registration.offer-expired");
        assertThat(status(second)).isEqualTo("OFFERED");
    }

    @Test
    void anOfferCannotBeAcceptedBySomeoneElse() {
        String event = organisers.event(lps, "Cita piedāvājums", 1, Map.of());
        Organisers.Officer stranger = organisers.officer(lps, ogre, "evbad-stranger");
        String first = register(event, person(ogre)).string("id");
        String second = register(event, person(cesis)).string("id");
        client.post("/api/registrations/" + first + "/cancel", "", bearer(lps.admin()));

        assertProblem(client.post("/api/registrations/" + second + "/accept-offer", "", bearer(stranger.token())),
                403, "forbidden", "registration.not-yours");
        assertProblem(client.post("/api/events/" + event + "/registrations", Map.of("personId", person(cesis)),
                bearer(stranger.token())), 403, "forbidden", "registration.others-need-staff");
        assertThat(status(second)).isEqualTo("OFFERED");
        assertThat(registrations(event)).isEqualTo(2);
    }

    @Test
    void needsWithoutConsentAreRefused() {
        String event = organisers.event(lps, "Piekrišana", 5, Map.of());

        assertProblem(organisers.register(lps, event, person(ogre), Map.of("dietaryNeeds", "vegāns")), 400,
                "invalid-request", "registration.consent-required");
        assertThat(registrations(event)).isZero();
    }

    private long person(long member) {
        return organisers.person(lps, member, "Persona", "P" + System.nanoTime(), "lv");
    }

    private Response register(String event, long person) {
        return organisers.register(lps, event, person, new HashMap<>());
    }

    private String status(String registration) {
        return client.get("/api/registrations/" + registration, bearer(lps.admin())).string("status");
    }

    private static int registrations(String event) {
        return Database.count("SELECT count(*) FROM shared.event_registration WHERE event_id = '" + event + "'");
    }

    private static void assertProblem(Response response, int status, String type, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.string("type")).isEqualTo("https://koopera.eu/problems/" + type);
        if (code != null) {
            assertThat(response.string("code")).isEqualTo(code);
        }
    }
}
