package eu.koopera.events;

import eu.koopera.events.Organisers.Association;
import eu.koopera.events.Organisers.Officer;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Around and after the event: the calendar file, the programme, check-in, participant and host lists, reminders
 * sent once, the report, the feedback questionnaire, and the erasure of personal data after the retention period
 * with the counts kept.
 */
@MicronautTest(transactional = false)
class EventsAfterwardsTest extends IntegrationTest {

    private static final List<Map<String, Object>> PROGRAMME = List.of(
            Map.of("day", "2030-09-15", "time", "14:00", "item", "Vizīte Oslo pašvaldībā", "speaker", "Oslo kommune",
                    "place", "Rådhuset"),
            Map.of("day", "2030-09-14", "time", "09:30", "item", "KS: pašvaldību sadarbība", "speaker", "KS"),
            Map.of("day", "2030-09-14", "time", "13:00", "item", "Pusdienas"));

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
        lps = organisers.create("evaft", "Valmieras novads", "Preiļu novads");
        llpa = organisers.create("evaftl", "Jelgava");
    }

    @BeforeEach
    void now() {
        clock.set(Instant.now());
    }

    @Test
    void theCalendarFileHoldsTheEventInItsOwnTimeZoneWithItsProgramme() {
        String event = organisers.event(lps, "Pieredzes vizīte Norvēģijā", 20, Map.of("programme", PROGRAMME));

        Response ics = client.get("/api/events/" + event + "/calendar.ics", bearer(lps.admin()));

        assertThat(ics.status()).isEqualTo(200);
        assertThat(ics.contentType()).startsWith("text/calendar");
        String text = ics.body().replace("\r\n ", "");
        assertThat(text).startsWith("BEGIN:VCALENDAR\r\n").contains("VERSION:2.0", "METHOD:PUBLISH",
                "BEGIN:VTIMEZONE", "TZID:Europe/Oslo\r\n", "DTSTART;TZID=Europe/Oslo:20300914T090000",
                "DTEND;TZID=Europe/Oslo:20300917T180000", "SUMMARY:Pieredzes vizīte Norvēģijā",
                "UID:" + event + "@events.koopera.eu", "LOCATION:KS\\, Haakon VIIs gate 9\\, Oslo\\, NO",
                "STATUS:CONFIRMED", "/events/" + event, "09:30 KS: pašvaldību sadarbība — KS")
                .doesNotContain("Europe/Berlin");
        assertThat(client.get("/api/events/" + event + "/calendar.ics", bearer(llpa.admin())).status())
                .isEqualTo(404);
    }

    @Test
    void theProgrammeComesDayByDayInTimeOrder() {
        String event = organisers.event(lps, "Programma", 20, Map.of("programme", PROGRAMME));

        Response programme = client.get("/api/events/" + event + "/programme", bearer(lps.admin()));

        assertThat(programme.status()).isEqualTo(200);
        assertThat(programme.body()).containsSubsequence("\"day\":\"2030-09-14\"", "09:30", "13:00",
                "\"day\":\"2030-09-15\"", "Rådhuset");
    }

    @Test
    void participantsAreCheckedInPerDayByAnyOrganiser() {
        String event = organisers.event(lps, "Reģistrācija uz vietas", 1, Map.of());
        organisers.coOrganise(lps, event, llpa, null);
        String confirmed = organisers.register(llpa, event, person(llpa, "Jelgava"), Map.of()).string("id");
        String waitlisted = organisers.register(lps, event, person(lps, "Valmieras novads"), Map.of()).string("id");

        Response first = checkIn(lps, confirmed, "2030-09-14");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(checkIn(lps, confirmed, "2030-09-14").status()).isEqualTo(200);
        assertThat(checkIn(llpa, confirmed, "2030-09-16").status()).isEqualTo(200);
        assertThat(checkIn(lps, confirmed, "2030-09-20").status()).isEqualTo(400);
        assertThat(checkIn(lps, waitlisted, "2030-09-14").string("code")).isEqualTo("registration.not-confirmed");

        Response sheet = client.get("/api/events/" + event + "/attendance", bearer(lps.admin()));
        assertThat(sheet.map().get("present")).isEqualTo(Map.of("2030-09-14", 1, "2030-09-15", 0, "2030-09-16", 1,
                "2030-09-17", 0));
        assertThat(sheet.list("rows")).singleElement().satisfies(row -> {
            assertThat(row.get("present")).isEqualTo(List.of("2030-09-14", "2030-09-16"));
            assertThat(row.get("fullName")).as("LLPA's registrant's name is not LPS's to see").isNull();
        });
        assertThat(Database.count("SELECT count(*) FROM shared.event_attendance WHERE registration_id = '"
                + confirmed + "'")).isEqualTo(2);
    }

    @Test
    void theListsGiveEachAssociationItsOwnRegistrantsNamesAndNeedsOnly() {
        String event = organisers.event(lps, "Saraksti", 10, Map.of());
        organisers.coOrganise(lps, event, llpa, null);
        long anna = organisers.person(lps, lps.member("Valmieras novads"), "Anna", "Bērziņa", "lv");
        organisers.register(lps, event, anna, Map.of("role", "POLITICIAN", "dietaryNeeds", "veģetāra",
                "consent", true));
        organisers.register(llpa, event, organisers.person(llpa, llpa.member("Jelgava"), "Līga", "Kalniņa", "lv"),
                Map.of("role", "EXPERT", "dietaryNeeds", "bez glutēna", "consent", true));

        Response csv = client.get("/api/events/" + event + "/participants?format=csv", bearer(lps.admin()));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).contains("association;municipality;role;status;name;email;language;dietary_needs",
                lps.code() + ";Valmieras novads;POLITICIAN;CONFIRMED;Anna Bērziņa;", "veģetāra",
                llpa.code() + ";Jelgava;EXPERT;CONFIRMED;;;;;")
                .doesNotContain("Kalniņa", "glutēna");
        Response host = client.get("/api/events/" + event + "/host-list?format=csv", bearer(llpa.admin()));
        assertThat(host.body()).contains("name;municipality;role;association", "Līga Kalniņa;Jelgava;EXPERT;",
                ";Valmieras novads;POLITICIAN;" + lps.code()).doesNotContain("Bērziņa", "glutēna", "@");
        Response xlsx = client.get("/api/events/" + event + "/host-list?format=xlsx", bearer(lps.admin()));
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).startsWith("application/vnd.openxmlformats");
        assertThat(xlsx.body().getBytes(StandardCharsets.ISO_8859_1)).isNotEmpty();
    }

    @Test
    void confirmedParticipantsAreRemindedOnceInTheirLanguage() {
        String event = organisers.event(lps, "Atgādinājums", 10, Map.of("reminderDays", 3));
        long latvian = organisers.person(lps, lps.member("Valmieras novads"), "Ilze", "Atgādināma", "lv");
        long english = organisers.person(lps, lps.member("Preiļu novads"), "John", "Reminded", "en");
        String lv = organisers.register(lps, event, latvian, Map.of()).string("id");
        String en = organisers.register(lps, event, english, Map.of()).string("id");
        String lvEmail = email(lv);
        String enEmail = email(en);

        clock.set(Instant.parse("2030-09-10T12:00:00Z"));
        housekeeping.run();
        assertThat(reminders(lvEmail, "%sākas%")).isZero();
        clock.set(Instant.parse("2030-09-12T12:00:00Z"));
        housekeeping.run();
        housekeeping.run();

        assertThat(reminders(lvEmail, "Koopera: „Atgādinājums” sākas%")).isOne();
        assertThat(reminders(enEmail, "Koopera: \"Atgādinājums (en)\" starts on%")).isOne();
    }

    @Test
    void theOwnerWritesTheReportWithFollowUpsAndEveryOrganiserReadsIt() {
        String event = organisers.event(lps, "Atskaite", 10, Map.of());
        organisers.coOrganise(lps, event, llpa, null);
        assertThat(client.get("/api/events/" + event + "/report", bearer(llpa.admin())).string("version")).isNull();
        Map<String, Object> report = Map.of("lessonsLearned", "Norvēģijas pašvaldības sadarbojas caur KS.",
                "materials", List.of(Map.of("title", "KS prezentācija", "url", "https://ks.example/slides.pdf")),
                "followUps", List.of(Map.of("action", "Sagatavot priekšlikumu", "owner", "LPS padomniece",
                        "dueOn", "2030-12-01")));

        Response written = client.put("/api/events/" + event + "/report", report, bearer(lps.admin()));
        assertThat(written.status()).as(written.body()).isEqualTo(200);
        assertThat(client.put("/api/events/" + event + "/report", report, bearer(llpa.admin())).status())
                .isEqualTo(403);
        Map<String, Object> stale = new java.util.HashMap<>(report);
        stale.put("version", 5);
        assertThat(client.put("/api/events/" + event + "/report", stale, bearer(lps.admin())).string("code"))
                .isEqualTo("report.stale-version");
        Map<String, Object> badLink = Map.of("materials", List.of(Map.of("title", "x", "url", "javascript:alert(1)")));
        assertThat(client.put("/api/events/" + event + "/report", badLink, bearer(lps.admin())).status())
                .isEqualTo(400);

        Response read = client.get("/api/events/" + event + "/report", bearer(llpa.admin()));
        assertThat(read.body()).contains("KS prezentācija", "Sagatavot priekšlikumu", "2030-12-01");
        assertThat(read.string("version")).isEqualTo("0");
    }

    @Test
    void eachParticipantGivesFeedbackOnceAfterTheStartAndOrganisersSeeTheResults() {
        String event = organisers.event(lps, "Atsauksmes", 10, Map.of());
        Officer officer = organisers.officer(lps, lps.member("Valmieras novads"), "evaft-feedback");
        String own = client.post("/api/events/" + event + "/registrations", Map.of(), bearer(officer.token()))
                .string("id");
        String other = organisers.register(lps, event, person(lps, "Preiļu novads"), Map.of()).string("id");

        assertThat(feedback(officer.token(), own, 5, "Ļoti noderīgi").string("code")).isEqualTo("feedback.too-early");
        clock.set(Instant.parse("2030-09-17T17:00:00Z"));
        assertThat(feedback(officer.token(), own, 5, "Ļoti noderīgi").status()).isEqualTo(204);
        assertThat(feedback(officer.token(), own, 1, "Otrreiz").string("code")).isEqualTo("feedback.given-already");
        assertThat(feedback(officer.token(), other, 1, "Ne mans").string("code")).isEqualTo("registration.not-yours");
        assertThat(feedback(lps.admin(), other, 4, null).status()).isEqualTo(204);
        assertThat(feedback(lps.admin(), other, 6, null).status()).isEqualTo(400);

        Response results = client.get("/api/events/" + event + "/feedback", bearer(lps.admin()));
        assertThat(results.map()).containsEntry("responses", 2).containsEntry("average", 4.5)
                .containsEntry("distribution", Map.of("1", 0, "2", 0, "3", 0, "4", 1, "5", 1))
                .containsEntry("comments", List.of("Ļoti noderīgi"));
        assertThat(client.get("/api/events/" + event + "/feedback", bearer(officer.token())).status())
                .isEqualTo(403);
    }

    @Test
    void personalDataAreErasedAfterTheRetentionPeriodAndTheCountsRemain() {
        String ended = organisers.event(lps, "Dzēšana", 2, Map.of("retentionDays", 30));
        organisers.coOrganise(lps, ended, llpa, null);
        String later = organisers.event(lps, "Vēl glabā", 2, Map.of("startsAt", "2031-09-14T09:00:00",
                "endsAt", "2031-09-17T18:00:00"));
        organisers.register(lps, ended, organisers.person(lps, lps.member("Valmieras novads"), "Dzēšamā", "Persona",
                "lv"), Map.of("dietaryNeeds", "vegāne", "consent", true));
        organisers.register(llpa, ended, person(llpa, "Jelgava"), Map.of());
        organisers.register(lps, ended, person(lps, "Preiļu novads"), Map.of());
        organisers.register(lps, later, person(lps, "Preiļu novads"), Map.of());
        assertThat(personalRows(ended)).isEqualTo(3);

        clock.set(Instant.parse("2030-10-17T12:00:00Z"));
        housekeeping.run();
        assertThat(personalRows(ended)).as("29 days after the end").isEqualTo(3);
        clock.set(Instant.parse("2030-10-17T17:00:00Z"));
        housekeeping.run();

        assertThat(personalRows(ended)).isZero();
        assertThat(Database.count("SELECT count(*) FROM shared.event_registration WHERE event_id = '" + ended
                + "' AND person_id IS NOT NULL")).isZero();
        assertThat(Database.count("SELECT count(*) FROM shared.event_registration_personal WHERE full_name = "
                + "'Dzēšamā Persona' OR dietary_needs = 'vegāne'")).isZero();
        assertThat(personalRows(later)).isOne();
        Response event = client.get("/api/events/" + ended, bearer(lps.admin()));
        assertThat(event.map().get("counts")).isEqualTo(Map.of("confirmed", 2, "offered", 0, "waitlisted", 1,
                "pending", 0, "placesLeft", 0));
        assertThat(event.string("personalDataErasedAt")).isNotNull();
        assertThat(client.get("/api/events/" + ended + "/registrations", bearer(lps.admin())).body())
                .doesNotContain("Dzēšamā", "vegāne").doesNotContain("\"person\":{");
    }

    private long person(Association association, String member) {
        return organisers.person(association, association.member(member), "Dalībnieks", "D" + System.nanoTime(),
                "lv");
    }

    private Response checkIn(Association association, String registration, String day) {
        return client.post("/api/registrations/" + registration + "/check-in", Map.of("day", day),
                bearer(association.admin()));
    }

    private Response feedback(String token, String registration, int rating, String comment) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("rating", rating));
        if (comment != null) {
            body.put("comment", comment);
        }
        return client.post("/api/registrations/" + registration + "/feedback", body, bearer(token));
    }

    @SuppressWarnings("unchecked")
    private String email(String registration) {
        Response response = client.get("/api/registrations/" + registration, bearer(lps.admin()));
        return ((Map<String, Object>) response.map().get("person")).get("email").toString();
    }

    private static int reminders(String email, String subject) {
        return Database.count("SELECT count(*) FROM platform.mail_outbox WHERE recipient = '" + email
                + "' AND subject LIKE '" + subject.replace("'", "''") + "'");
    }

    private static int personalRows(String event) {
        return Database.count("SELECT count(*) FROM shared.event_registration_personal p JOIN "
                + "shared.event_registration r ON r.id = p.registration_id WHERE r.event_id = '" + event + "'");
    }
}
