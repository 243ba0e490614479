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
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URI;
import java.util.List;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The personal subscription feed: a user's secret address lists the meetings of every network their association
 * takes part in and nothing else, anonymously; rotating or revoking the token closes the old address.
 */
@MicronautTest(transactional = false)
class CalendarFeedTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    TestClient client;
    Association lps;
    Association lsa;
    Association other;
    String sharedMeeting;
    String ownMeeting;
    String otherMeeting;

    @BeforeAll
    void meetingsInThreeNetworks() {
        client = new TestClient(server.getURI(), json);
        Associations associations = new Associations(client);
        lps = associations.create("clps", "Ogres novads");
        lsa = associations.create("clsa", "Kauno rajono savivaldybė");
        other = associations.create("coth", "Tukuma novads");
        String shared = associations.network(lps, "Kopīgs tīkls", "ACTIVE", null);
        associations.share(lps, shared, lsa, "Kauno rajono savivaldybė");
        sharedMeeting = associations.meeting(lps, shared, "Kopīgs seminārs");
        ownMeeting = associations.meeting(lps, associations.network(lps, "Tikai LPS", "ACTIVE", null),
                "LPS iekšējā sanāksme");
        otherMeeting = associations.meeting(other, associations.network(other, "Cits tīkls", "ACTIVE", null),
                "Sveša sanāksme");
    }

    @Test
    void theFeedListsTheMeetingsOfJoinedNetworksOnly() throws Exception {
        String lsaFeed = subscribe(lsa.coordinator());
        String lpsFeed = subscribe(lps.admin());

        assertThat(uidsIn(lsaFeed)).containsExactly(sharedMeeting);
        assertThat(uidsIn(lpsFeed)).containsExactlyInAnyOrder(sharedMeeting, ownMeeting);
    }

    @Test
    void theTokenIsStoredOnlyAsItsHash() {
        String feed = subscribe(other.admin());
        String token = feed.substring(feed.lastIndexOf('/') + 1, feed.length() - ".ics".length());

        assertThat(token).hasSize(43);
        assertThat(Database.count("SELECT count(*) FROM platform.calendar_token WHERE token_hash = '" + token + "'"))
                .isZero();
        assertThat(Database.count("SELECT count(*) FROM platform.calendar_token WHERE tenant_code = '"
                + other.code() + "'")).isEqualTo(1);
    }

    @Test
    void aRotatedOrRevokedTokenGives404() throws Exception {
        String first = subscribe(lps.coordinator());
        String second = subscribe(lps.coordinator());

        assertThat(client.get(first).status()).isEqualTo(404);
        assertThat(uidsIn(second)).contains(sharedMeeting);

        assertThat(client.delete("/api/me/calendar-token", bearer(lps.coordinator())).status()).isEqualTo(204);
        Response revoked = client.get(second);
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(404);
        assertThat(revoked.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aMalformedTokenGives404() {
        assertThat(client.get("/api/calendar/not-a-token.ics").status()).isEqualTo(404);
        assertThat(client.get("/api/calendar/" + "A".repeat(43) + ".ics").status()).isEqualTo(404);
    }

    /** Creates (or rotates) the user's feed; returns its path. */
    private String subscribe(String token) {
        Response created = client.post("/api/me/calendar-token", "", bearer(token));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        URI url = URI.create(created.string("url"));
        assertThat(url.getPath()).startsWith("/api/calendar/").endsWith(".ics");
        return url.getPath();
    }

    /** The meeting ids in the feed at {@code path}, fetched without any credentials. */
    private List<String> uidsIn(String path) throws Exception {
        Response feed = client.get(path);
        assertThat(feed.status()).as(feed.body()).isEqualTo(200);
        assertThat(feed.contentType()).isEqualToIgnoringCase("text/calendar; charset=utf-8");
        return new CalendarBuilder().build(new StringReader(feed.body())).<VEvent>getComponents(Component.VEVENT)
                .stream().map(event -> event.getUid().orElseThrow().getValue())
                .map(uid -> uid.substring(0, uid.indexOf('@'))).toList();
    }
}
