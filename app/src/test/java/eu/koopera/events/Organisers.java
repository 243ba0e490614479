package eu.koopera.events;

import eu.koopera.support.Outbox;
import eu.koopera.support.TestClient;
import eu.koopera.support.TestClient.Response;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/** Arranges associations, their members, people and users, and events between them, through the API. */
final class Organisers {

    static final String PASSWORD = "events-password-123";

    private final TestClient client;

    Organisers(TestClient client) {
        this.client = client;
    }

    /** A new association with an administrator and the named member municipalities. */
    Association create(String prefix, String... memberNames) {
        String code = client.createTenantWithAdmin(prefix, PASSWORD);
        String admin = client.login(code, "admin", PASSWORD);
        Map<String, Long> members = new LinkedHashMap<>();
        for (String name : memberNames) {
            Response created = client.post("/api/members", Map.of("name", name, "code",
                    "M" + UUID.randomUUID().toString().substring(0, 8)), bearer(admin));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            members.put(name, Long.valueOf(created.string("id")));
        }
        return new Association(code, admin, members);
    }

    /** A person of {@code memberId} with an address and languages; returns their id. */
    long person(Association association, long memberId, String firstName, String lastName, String... languages) {
        String email = (firstName + "." + lastName + "." + UUID.randomUUID().toString().substring(0, 6) + "@"
                + association.code() + ".example").toLowerCase().replaceAll("[^a-z0-9.@_-]", "");
        Response created = client.post("/api/people", Map.of("memberId", memberId, "firstName", firstName,
                "lastName", lastName, "email", email, "languages", List.of(languages)), bearer(association.admin()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return Long.parseLong(created.string("id"));
    }

    /**
     * A MEMBER user linked, through the invitation link, to a new person of {@code memberId}.
     *
     * @return the user's token and person id
     */
    Officer officer(Association association, long memberId, String username) {
        String email = username + "@" + association.code() + ".example";
        Response person = client.post("/api/people", Map.of("memberId", memberId, "firstName", "Officer",
                "lastName", username, "email", email, "languages", List.of("lv")), bearer(association.admin()));
        assertThat(person.status()).as(person.body()).isEqualTo(201);
        Response invited = client.post("/api/people/" + person.string("id") + "/invitations",
                Map.of("roles", List.of("MEMBER")), bearer(association.admin()));
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        String token = Outbox.invitationToken(Outbox.latestTo(email).orElseThrow().bodyText(), association.code());
        Response accepted = client.post("/api/public/invitations/" + association.code() + "/" + token + "/accept",
                Map.of("username", username, "password", PASSWORD));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        return new Officer(client.login(association.code(), username, PASSWORD),
                Long.parseLong(person.string("id")), email);
    }

    /** An OPEN study visit in Oslo in September 2030 owned by {@code owner}, with {@code changes} applied. */
    String event(Association owner, String title, int capacity, Map<String, Object> changes) {
        Map<String, Object> body = eventBody(title, capacity);
        body.putAll(changes);
        Response created = client.post("/api/events", body, bearer(owner.admin()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.string("id");
    }

    /** The body of a valid, open study visit with {@code title} in Latvian and English. */
    static Map<String, Object> eventBody(String title, int capacity) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "STUDY_VISIT");
        body.put("title", Map.of("lv", title, "en", title + " (en)"));
        body.put("country", "NO");
        body.put("city", "Oslo");
        body.put("venue", "KS, Haakon VIIs gate 9");
        body.put("startsAt", "2030-09-14T09:00:00");
        body.put("endsAt", "2030-09-17T18:00:00");
        body.put("timeZone", "Europe/Oslo");
        body.put("capacity", capacity);
        body.put("requiresApproval", false);
        body.put("status", "OPEN");
        return body;
    }

    /** Adds {@code guest} as co-organiser of the event. */
    void coOrganise(Association owner, String event, Association guest, Integer seatQuota) {
        Map<String, Object> body = new HashMap<>(Map.of("tenant", guest.code()));
        if (seatQuota != null) {
            body.put("seatQuota", seatQuota);
        }
        Response added = client.post("/api/events/" + event + "/co-organisers", body, bearer(owner.admin()));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
    }

    /** Registers a person through the association's administrator. */
    Response register(Association association, String event, long personId, Map<String, Object> more) {
        Map<String, Object> body = new HashMap<>(Map.of("personId", personId));
        body.putAll(more);
        return client.post("/api/events/" + event + "/registrations", body, bearer(association.admin()));
    }

    /**
     * An association as tests use it.
     *
     * @param admin the administrator's token
     */
    record Association(String code, String admin, Map<String, Long> members) {

        long member(String name) {
            return members.get(name);
        }
    }

    /** A member user: their token, person and address. */
    record Officer(String token, long personId, String email) {
    }
}
