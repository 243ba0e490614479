package eu.koopera.networks;

import eu.koopera.support.Outbox;
import eu.koopera.support.TestClient;
import eu.koopera.support.TestClient.Response;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/** Arranges associations, their users and members, and networks between them through the API. */
public final class Associations {

    static final String PASSWORD = "network-password-123";

    private final TestClient client;

    public Associations(TestClient client) {
        this.client = client;
    }

    /** A new association with an administrator, a network coordinator and the named member municipalities. */
    public Association create(String prefix, String... memberNames) {
        String code = client.createTenantWithAdmin(prefix, PASSWORD);
        String admin = client.login(code, "admin", PASSWORD);
        long coordinatorId = user(code, "coordinator", "NETWORK_COORDINATOR");
        String coordinator = client.login(code, "coordinator", PASSWORD);
        Map<String, Long> members = new LinkedHashMap<>();
        for (String name : memberNames) {
            Response created = client.post("/api/members", Map.of("name", name, "code",
                    "M" + UUID.randomUUID().toString().substring(0, 8)), bearer(admin));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            members.put(name, Long.valueOf(created.string("id")));
        }
        return new Association(code, admin, coordinator, coordinatorId, members);
    }

    /** Creates a user with {@code roles} in the association; returns its id. */
    public long user(String code, String username, String... roles) {
        Response created = client.post("/api/platform/tenants/" + code + "/users", Map.of("username", username,
                "password", PASSWORD, "email", username + "@" + code + ".example", "roles", List.of(roles)),
                bearer(client.operatorToken()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return Long.parseLong(created.string("id"));
    }

    /** A MEMBER user linked, through the invitation link, to a person of {@code memberId}; returns their token. */
    public String officer(Association association, long memberId, String username) {
        String email = username + "@" + association.code() + ".example";
        Response person = client.post("/api/people", Map.of("memberId", memberId, "firstName", "Officer",
                "lastName", username, "email", email), bearer(association.admin()));
        assertThat(person.status()).as(person.body()).isEqualTo(201);
        Response invited = client.post("/api/people/" + person.string("id") + "/invitations",
                Map.of("roles", List.of("MEMBER")), bearer(association.admin()));
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        String token = Outbox.invitationToken(Outbox.latestTo(email).orElseThrow().bodyText(), association.code());
        Response accepted = client.post("/api/public/invitations/" + association.code() + "/" + token + "/accept",
                Map.of("username", username, "password", PASSWORD));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        return client.login(association.code(), username, PASSWORD);
    }

    /** A network owned by {@code owner}, created by its coordinator; returns its id. */
    public String network(Association owner, String name, String status, Integer maxPilots) {
        Map<String, Object> body = new HashMap<>(Map.of("name", Map.of("lv", name, "en", name + " (en)"),
                "description", Map.of("lv", "Apraksts"), "theme", "Sadarbība", "status", status,
                "startsOn", "2022-04-07", "endsOn", "2024-04-30"));
        if (maxPilots != null) {
            body.put("maxPilots", maxPilots);
        }
        Response created = client.post("/api/networks", body, bearer(owner.coordinator()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.string("id");
    }

    /** Invites {@code guest} to the network; its administrator accepts with the named members. */
    void share(Association owner, String network, Association guest, String... memberNames) {
        Response invited = client.post("/api/networks/" + network + "/invitations", Map.of("tenant", guest.code()),
                bearer(owner.coordinator()));
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        List<Long> ids = new ArrayList<>();
        for (String name : memberNames) {
            ids.add(guest.member(name));
        }
        Response accepted = client.post("/api/network-invitations/" + invited.string("id") + "/accept",
                Map.of("memberIds", ids), bearer(guest.admin()));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    }

    /** Adds members of the owner to its own network. */
    public void take(Association association, String network, String... memberNames) {
        for (String name : memberNames) {
            Response added = client.post("/api/networks/" + network + "/participants",
                    Map.of("memberId", association.member(name)), bearer(association.admin()));
            assertThat(added.status()).as(added.body()).isEqualTo(201);
        }
    }

    /** A seminar of the network on 4 May 2026, 10:00 to 13:00 in Riga, planned by the owner's coordinator. */
    String meeting(Association owner, String network, String title) {
        Response created = client.post("/api/networks/" + network + "/meetings", meetingBody(title),
                bearer(owner.coordinator()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.string("id");
    }

    /** The body of a valid meeting with {@code title} in Latvian and English. */
    static Map<String, Object> meetingBody(String title) {
        return new HashMap<>(Map.of("kind", "SEMINAR", "title", Map.of("lv", title, "en", title + " (en)"),
                "startsAt", "2026-05-04T10:00:00", "endsAt", "2026-05-04T13:00:00", "timeZone", "Europe/Riga",
                "place", "Rīga, Mazā Pils iela 1", "onlineUrl", "https://meet.example/koopera",
                "agenda", "1. Tīklu prezentācija\n2. Diskusija"));
    }

    /**
     * An association as tests use it.
     *
     * @param admin       the administrator's token
     * @param coordinator the network coordinator's token
     */
    public record Association(String code, String admin, String coordinator, long coordinatorId,
                              Map<String, Long> members) {

        public long member(String name) {
            return members.get(name);
        }
    }
}
