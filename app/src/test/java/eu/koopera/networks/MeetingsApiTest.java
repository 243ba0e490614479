package eu.koopera.networks;

import eu.koopera.networks.Associations.Association;
import eu.koopera.support.Database;
import eu.koopera.support.IntegrationTest;
import eu.koopera.support.TestClient;
import eu.koopera.support.TestClient.Response;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Meetings of a shared network: the owner plans, changes and records attendance; every taking-part association
 * reads them and downloads them as RFC 5545 files; associations outside the network find nothing; bad input is
 * refused with a problem and writes nothing.
 */
@MicronautTest(transactional = false)
class MeetingsApiTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    TestClient client;
    Associations associations;
    Association lps;
    Association lsa;
    Association outsider;
    String network;

    @BeforeAll
    void aSharedNetwork() {
        client = new TestClient(server.getURI(), json);
        associations = new Associations(client);
        lps = associations.create("mlps", "Ogres novads");
        lsa = associations.create("mlsa", "Kauno rajono savivaldybė", "Alytaus miesto savivaldybė");
        outsider = associations.create("mout", "Tukuma novads");
        network = associations.network(lps, "Rīgas metropole", "ACTIVE", null);
        associations.share(lps, network, lsa, "Kauno rajono savivaldybė");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOwnerPlansChangesAndRecordsAttendanceWhileParticipantsRead() {
        Response created = client.post("/api/networks/" + network + "/meetings",
                Associations.meetingBody("Tīklu seminārs"), bearer(lps.coordinator()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.string("id");
        assertThat(created.header("Location")).isEqualTo("/api/meetings/" + id);
        assertThat(created.map()).containsEntry("startsAt", "2026-05-04T10:00:00")
                .containsEntry("timeZone", "Europe/Riga").containsEntry("version", 0);
        assertThat((List<Object>) created.map().get("invitedTenants"))
                .containsExactlyInAnyOrder(lps.code(), lsa.code());

        Response read = client.get("/api/meetings/" + id, bearer(lsa.admin()));
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.map().get("title")).isEqualTo(Map.of("lv", "Tīklu seminārs", "en", "Tīklu seminārs (en)"));
        assertThat(client.get("/api/networks/" + network + "/meetings", bearer(lsa.coordinator())).body())
                .contains(id);

        Map<String, Object> changed = Associations.meetingBody("Tīklu seminārs (pārcelts)");
        changed.put("startsAt", "2026-05-05T09:30:00");
        changed.put("endsAt", "2026-05-05T12:00:00");
        changed.put("minutes", "Vienojāmies par pilotprojektiem.");
        changed.put("recordings", List.of("https://video.example/seminars/1"));
        changed.put("version", 0);
        Response updated = client.put("/api/meetings/" + id, changed, bearer(lps.coordinator()));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.map()).containsEntry("startsAt", "2026-05-05T09:30:00").containsEntry("version", 1)
                .containsEntry("minutes", "Vienojāmies par pilotprojektiem.");

        Response attendance = client.put("/api/meetings/" + id + "/attendance", Map.of("version", 1,
                "attendees", List.of(Map.of("tenant", lsa.code(), "memberId", lsa.member("Kauno rajono savivaldybė")),
                        Map.of("tenant", lps.code(), "name", "Anna Bērziņa"))), bearer(lps.coordinator()));
        assertThat(attendance.status()).as(attendance.body()).isEqualTo(200);
        assertThat(attendance.list("attendance")).extracting(attendee -> attendee.get("name"))
                .containsExactly("Kauno rajono savivaldybė", "Anna Bērziņa");

        Response feed = client.get("/api/networks/" + network + "/feed", bearer(lsa.admin()));
        assertThat(feed.list("items")).extracting(item -> item.get("messageKey")).contains(
                "network.feed.meeting-created", "network.feed.meeting-updated",
                "network.feed.meeting-attendance-recorded");
        assertThat(feed.list("items")).filteredOn(item -> "MEETING_CREATED".equals(item.get("kind"))
                        && id.equals(((Map<String, Object>) item.get("parameters")).get("meetingId")))
                .singleElement().satisfies(item -> assertThat((Map<String, Object>) item.get("parameters"))
                        .containsEntry("timeZone", "Europe/Riga").containsEntry("startsAt", "2026-05-04T10:00:00"));
    }

    @Test
    void theCalendarFileParsesBackWithItsTimeZoneAndAStableUid() throws Exception {
        String id = associations.meeting(lps, network, "Pieci tīkli");

        Response first = client.get("/api/meetings/" + id + "/calendar.ics", bearer(lsa.admin()));
        Response second = client.get("/api/meetings/" + id + "/calendar.ics", bearer(lps.coordinator()));

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.contentType()).isEqualToIgnoringCase("text/calendar; charset=utf-8");
        assertThat(first.header("Content-Disposition")).isEqualTo("attachment; filename=\"meeting-" + id + ".ics\"");
        assertThat(first.body()).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n")
                .doesNotContainPattern("[^\r]\n");
        Calendar calendar = new CalendarBuilder().build(new StringReader(first.body()));
        assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("PUBLISH");
        assertThat(calendar.getProperty("VERSION").orElseThrow().getValue()).isEqualTo("2.0");
        assertThat(calendar.getProperty("PRODID")).isPresent();
        VTimeZone zone = calendar.<VTimeZone>getComponent(Component.VTIMEZONE).orElseThrow();
        assertThat(zone.getTimeZoneId().getValue()).isEqualTo("Europe/Riga");
        VEvent event = calendar.<VEvent>getComponent(Component.VEVENT).orElseThrow();
        DtStart<Temporal> start = event.getDateTimeStart();
        assertThat(start.getParameter("TZID").orElseThrow().getValue()).isEqualTo("Europe/Riga");
        assertThat(ZonedDateTime.from(start.getDate()).toLocalDateTime())
                .isEqualTo(LocalDateTime.parse("2026-05-04T10:00:00"));
        assertThat(ZonedDateTime.from(start.getDate()).toInstant().toString()).isEqualTo("2026-05-04T07:00:00Z");
        assertThat(event.getSummary().getValue()).isEqualTo("Pieci tīkli");
        assertThat(event.getLocation().getValue()).isEqualTo("Rīga, Mazā Pils iela 1");
        assertThat(event.getUrl().getValue()).isEqualTo("https://meet.example/koopera");
        assertThat(event.getDescription().getValue()).startsWith("1. Tīklu prezentācija\n2. Diskusija");
        assertThat(event.getDateTimeStamp()).isNotNull();

        VEvent again = new CalendarBuilder().build(new StringReader(second.body()))
                .<VEvent>getComponent(Component.VEVENT).orElseThrow();
        assertThat(again.getUid().orElseThrow().getValue()).isEqualTo(event.getUid().orElseThrow().getValue())
                .startsWith(id);
    }

    @Test
    void aMeetingInALinkedTimeZoneCarriesTheVTimeZoneItsTimesName() throws Exception {
        Map<String, Object> body = Associations.meetingBody("Vizīte Oslo");
        body.put("timeZone", "Europe/Oslo");
        Response created = client.post("/api/networks/" + network + "/meetings", body, bearer(lps.coordinator()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        Response file = client.get("/api/meetings/" + created.string("id") + "/calendar.ics", bearer(lsa.admin()));

        assertThat(file.status()).as(file.body()).isEqualTo(200);
        // ical4j's registry answers Europe/Oslo with Europe/Berlin's VTIMEZONE; DTSTART must find its own
        assertThat(file.body()).contains("TZID:Europe/Oslo\r\n").doesNotContain("TZID:Europe/Berlin");
        Calendar calendar = new CalendarBuilder().build(new StringReader(file.body()));
        assertThat(calendar.<VTimeZone>getComponents(Component.VTIMEZONE))
                .extracting(zone -> zone.getTimeZoneId().getValue()).containsExactly("Europe/Oslo");
        DtStart<Temporal> start = calendar.<VEvent>getComponent(Component.VEVENT).orElseThrow().getDateTimeStart();
        assertThat(start.getParameter("TZID").orElseThrow().getValue()).isEqualTo("Europe/Oslo");
        assertThat(ZonedDateTime.from(start.getDate()).toInstant().toString()).isEqualTo("2026-05-04T08:00:00Z");
    }

    @Test
    void anAssociationOutsideTheNetworkFindsNeitherTheMeetingNorItsCalendarFile() {
        String id = associations.meeting(lps, network, "Tikai saviem");

        for (String path : List.of("/api/meetings/" + id, "/api/meetings/" + id + "/calendar.ics",
                "/api/networks/" + network + "/meetings")) {
            assertProblem(client.get(path, bearer(outsider.admin())), 404, "not-found");
        }
        Map<String, Object> body = Associations.meetingBody("Svešs");
        body.put("version", 0);
        assertProblem(client.put("/api/meetings/" + id, body, bearer(outsider.admin())), 404, "not-found");
        assertProblem(client.post("/api/networks/" + network + "/meetings", body, bearer(outsider.admin())), 404,
                "not-found");
        assertThat(Database.text("SELECT title_i18n ->> 'lv' FROM shared.network_meeting WHERE id = '" + id + "'"))
                .isEqualTo("Tikai saviem");
    }

    @Test
    void aParticipantThatDoesNotOwnTheNetworkMayNotChangeItsMeetings() {
        String id = associations.meeting(lps, network, "Īpašnieka sanāksme");
        Map<String, Object> body = Associations.meetingBody("Pārņemts");
        body.put("version", 0);

        assertProblem(client.put("/api/meetings/" + id, body, bearer(lsa.admin())), 403, "forbidden");
        assertProblem(client.post("/api/networks/" + network + "/meetings", body, bearer(lsa.admin())), 403,
                "forbidden");
    }

    @Test
    void anEndBeforeTheStartIsRefused() {
        Map<String, Object> body = Associations.meetingBody("Atpakaļ laikā");
        body.put("endsAt", "2026-05-04T09:00:00");

        Response response = client.post("/api/networks/" + network + "/meetings", body, bearer(lps.coordinator()));

        assertProblem(response, 400, "invalid-request");
        assertThat(response.list("errors")).extracting(error -> error.get("field")).containsExactly("endsAt");
        assertNotWritten("Atpakaļ laikā");
    }

    @Test
    void anUnknownTimeZoneIsRefused() {
        Map<String, Object> body = Associations.meetingBody("Nekurienē");
        body.put("timeZone", "Europe/Atlantis");

        Response response = client.post("/api/networks/" + network + "/meetings", body, bearer(lps.coordinator()));

        assertProblem(response, 400, "invalid-request");
        assertThat(response.list("errors")).extracting(error -> error.get("field")).containsExactly("timeZone");
        assertNotWritten("Nekurienē");
    }

    @Test
    void aLinkThatIsNotHttpIsRefused() {
        Map<String, Object> body = Associations.meetingBody("Skripts");
        body.put("onlineUrl", "javascript:alert(1)");
        body.put("recordings", List.of("file:///etc/passwd"));

        Response response = client.post("/api/networks/" + network + "/meetings", body, bearer(lps.coordinator()));

        assertProblem(response, 400, "invalid-request");
        assertThat(response.list("errors")).extracting(error -> error.get("field"))
                .containsExactly("onlineUrl", "recordings[0]");
        assertNotWritten("Skripts");
    }

    @Test
    void aStaleVersionIsRefusedWithTheCurrentStateAndNothingWritten() {
        String id = associations.meeting(lps, network, "Divi redaktori");
        Map<String, Object> first = Associations.meetingBody("Pirmais labojums");
        first.put("version", 0);
        assertThat(client.put("/api/meetings/" + id, first, bearer(lps.coordinator())).status()).isEqualTo(200);
        Map<String, Object> second = Associations.meetingBody("Otrais labojums");
        second.put("version", 0);

        Response response = client.put("/api/meetings/" + id, second, bearer(lps.admin()));
        Response attendance = client.put("/api/meetings/" + id + "/attendance", Map.of("version", 0,
                "attendees", List.of(Map.of("tenant", lps.code(), "name", "Vēlu"))), bearer(lps.admin()));

        assertProblem(response, 409, "conflict");
        assertProblem(attendance, 409, "conflict");
        assertThat(Database.text("SELECT title_i18n ->> 'lv' || ' ' || version || ' ' || attendance::text "
                + "FROM shared.network_meeting WHERE id = '" + id + "'")).isEqualTo("Pirmais labojums 1 []");
    }

    @Test
    void attendanceFromOutsideTheNetworkIsRefused() {
        String id = associations.meeting(lps, network, "Apmeklējums");

        Response response = client.put("/api/meetings/" + id + "/attendance", Map.of("version", 0, "attendees",
                List.of(Map.of("tenant", outsider.code(), "name", "Svešinieks"),
                        Map.of("tenant", lsa.code(), "memberId", lsa.member("Alytaus miesto savivaldybė")))),
                bearer(lps.coordinator()));

        assertProblem(response, 400, "invalid-request");
        assertThat(response.list("errors")).extracting(error -> error.get("field"))
                .containsExactly("attendees[0].tenant", "attendees[1].memberId");
        assertThat(Database.text("SELECT attendance::text FROM shared.network_meeting WHERE id = '" + id + "'"))
                .isEqualTo("[]");
    }

    private static void assertNotWritten(String title) {
        assertThat(Database.count("SELECT count(*) FROM shared.network_meeting WHERE title_i18n ->> 'lv' = '"
                + title + "'")).isZero();
    }

    private static void assertProblem(Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.string("type")).isEqualTo("https://koopera.eu/problems/" + type);
    }
}
