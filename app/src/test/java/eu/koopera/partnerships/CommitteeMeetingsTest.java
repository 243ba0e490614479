package eu.koopera.partnerships;

import eu.koopera.networks.Associations;
import eu.koopera.networks.Associations.Association;
import eu.koopera.support.IntegrationTest;
import eu.koopera.support.TestClient;
import eu.koopera.support.TestClient.Response;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/** Meetings of a twinning committee: planned by the owner, read with their calendar file by the named association. */
@MicronautTest(transactional = false)
class CommitteeMeetingsTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    TestClient client;
    Association lps;
    Association lsa;
    Association third;
    String twinning;

    @BeforeAll
    void aConfirmedTwinning() {
        client = new TestClient(server.getURI(), json);
        Associations arrange = new Associations(client);
        lps = arrange.create("agmeet", "Bauska");
        lsa = arrange.create("agmeetlt", "Pasvalys");
        third = arrange.create("agmeetx", "Tartu");
        twinning = new Agreements(client).create(lps, Agreements.twinning(lps.member("Bauska"), lsa.code(),
                lsa.member("Pasvalys")));
        assertThat(client.post("/api/agreements/" + twinning + "/confirm", "", bearer(lsa.admin())).status())
                .isEqualTo(200);
    }

    @Test
    void aMeetingIsPlannedListedAndDownloadedAsACalendarFileInItsOwnTimeZone() {
        Response planned = client.post(path(), meeting("2030-05-04T10:00:00", "2030-05-04T12:30:00",
                "Europe/Vilnius"), bearer(lps.coordinator()));
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        assertThat(planned.string("start")).isEqualTo("2030-05-04T07:00:00Z");

        Response listed = client.get(path(), bearer(lsa.admin()));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).contains("Komitejas sanāksme", "Pasvalys kultūros centras");

        HttpResponse<byte[]> file = client.getBytes(path() + "/" + planned.string("id") + "/calendar.ics",
                bearer(lsa.admin()));
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
        String text = new String(file.body(), StandardCharsets.UTF_8);
        assertThat(text).contains("BEGIN:VCALENDAR", "BEGIN:VTIMEZONE", "TZID:Europe/Vilnius",
                "DTSTART;TZID=Europe/Vilnius:20300504T100000", "DTEND;TZID=Europe/Vilnius:20300504T123000",
                "LOCATION:Pasvalys kultūros centras", "UID:" + planned.string("id"));

        assertThat(client.get(path(), bearer(third.admin())).status()).isEqualTo(404);
        assertThat(client.post(path(), meeting("2030-06-01T10:00:00", "2030-06-01T11:00:00", "Europe/Riga"),
                bearer(lsa.admin())).status()).isEqualTo(403);
    }

    @Test
    void badMeetingsAreRefusedWithCodesAndNothingIsWritten() {
        String before = client.get(path(), bearer(lps.admin())).body();
        Response backwards = client.post(path(), meeting("2030-05-04T12:00:00", "2030-05-04T10:00:00", "Mars/Base"),
                bearer(lps.admin()));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.string("code")).isEqualTo("meeting.invalid");
        assertThat(backwards.body()).contains("meeting.endsBeforeStart", "meeting.timeZone");
        Map<String, Object> noPlace = meeting("2030-05-04T10:00:00", "2030-05-04T11:00:00", "Europe/Riga");
        noPlace.remove("place");
        assertThat(client.post(path(), noPlace, bearer(lps.admin())).status()).isEqualTo(400);
        assertThat(client.get(path(), bearer(lps.admin())).body()).isEqualTo(before);

        String cooperation = new Agreements(client).create(lps, Map.of("type", "COOPERATION_AGREEMENT",
                "title", Map.of("lv", "Sadarbība"), "parties", List.of(Map.of("memberId", lps.member("Bauska")),
                        Map.of("foreign", Map.of("name", "Biržai", "country", "LT")))));
        Response refused = client.post("/api/agreements/" + cooperation + "/meetings",
                meeting("2030-05-04T10:00:00", "2030-05-04T11:00:00", "Europe/Riga"), bearer(lps.admin()));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.string("code")).isEqualTo("committee.notTwinning");
        Response missing = client.get(path() + "/00000000-0000-0000-0000-000000000001/calendar.ics",
                bearer(lps.admin()));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.string("code")).isEqualTo("meeting.notFound");
    }

    private static Map<String, Object> meeting(String startsAt, String endsAt, String zone) {
        return new HashMap<>(Map.of("title", "Komitejas sanāksme", "startsAt", startsAt, "endsAt", endsAt,
                "timeZone", zone, "place", "Pasvalys kultūros centras", "agenda", "Jaunimo mainai"));
    }

    private String path() {
        return "/api/agreements/" + twinning + "/meetings";
    }
}
