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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hundred registrations at once for twenty places: exactly twenty confirmed and eighty waitlisted in arrival
 * order; a cancellation offers exactly one place to the first in line, and when that offer lapses it passes to the
 * second. Twenty times over, each time at a fresh event.
 */
@MicronautTest(transactional = false)
class EventsConcurrencyTest extends IntegrationTest {

    private static final int PEOPLE = 100;
    private static final int CAPACITY = 20;
    private static final int ROUNDS = 20;

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
    List<Long> people;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("koopera.events.housekeeping-interval", "1h");
    }

    @BeforeAll
    void aHundredPeopleOfTenMunicipalities() {
        client = new TestClient(server.getURI(), json);
        organisers = new Organisers(client);
        String[] municipalities = new String[10];
        for (int i = 0; i < municipalities.length; i++) {
            municipalities[i] = "Novads " + i;
        }
        lps = organisers.create("conc", municipalities);
        people = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            people.add(organisers.person(lps, lps.member(municipalities[i % 10]), "Dalībnieks", "Nr" + i, "lv"));
        }
    }

    @Test
    void aHundredSimultaneousRegistrationsForTwentyPlacesConfirmTwentyAndWaitlistEightyInArrivalOrder()
            throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        for (int round = 1; round <= ROUNDS; round++) {
            String event = organisers.event(lps, "Burst " + round, CAPACITY, Map.of());
            List<Integer> statuses = registerAllAtOnce(event, latencies);

            assertThat(statuses).as("round %d", round).containsOnly(201);
            List<Map<String, Object>> all = registrations(event, null);
            assertThat(all).filteredOn(r -> "CONFIRMED".equals(r.get("status"))).hasSize(CAPACITY);
            List<Map<String, Object>> waitlisted = registrations(event, "WAITLISTED");
            assertThat(waitlisted).hasSize(PEOPLE - CAPACITY);
            assertThat(waitlisted).extracting(r -> ((Number) r.get("waitlistPosition")).intValue())
                    .as("positions in arrival order, round %d", round).containsExactly(positions(PEOPLE - CAPACITY));
            assertThat(Database.strings("SELECT id::text FROM shared.event_registration WHERE event_id = ?::uuid "
                    + "AND status = 'WAITLISTED' ORDER BY arrival_seq", event))
                    .containsExactlyElementsOf(waitlisted.stream().map(r -> r.get("id").toString()).toList());
            assertThat(Database.count("SELECT count(*) FROM shared.event_registration c, shared.event_registration w "
                    + "WHERE c.event_id = '" + event + "' AND w.event_id = c.event_id AND c.status = 'CONFIRMED' "
                    + "AND w.status = 'WAITLISTED' AND c.arrival_seq > w.arrival_seq"))
                    .as("every confirmed arrived before every waitlisted").isZero();

            String first = waitlisted.get(0).get("id").toString();
            String second = waitlisted.get(1).get("id").toString();
            String cancelled = all.stream().filter(r -> "CONFIRMED".equals(r.get("status"))).findFirst()
                    .orElseThrow().get("id").toString();
            Response cancel = client.post("/api/registrations/" + cancelled + "/cancel", "", bearer(lps.admin()));
            assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
            List<Map<String, Object>> offered = registrations(event, "OFFERED");
            assertThat(offered).as("round %d", round).extracting(r -> r.get("id")).containsExactly(first);
            assertThat(offered.get(0).get("offerExpiresAt")).isNotNull();
            assertThat(registrations(event, "WAITLISTED")).extracting(r -> ((Number) r.get("waitlistPosition"))
                    .intValue()).containsExactly(positions(PEOPLE - CAPACITY - 1));

            clock.advance(Duration.ofHours(49));
            housekeeping.run();

            assertThat(status(first)).isEqualTo("EXPIRED");
            assertThat(registrations(event, "OFFERED")).extracting(r -> r.get("id")).containsExactly(second);
            Response counts = client.get("/api/events/" + event, bearer(lps.admin()));
            assertThat(counts.map().get("counts")).isEqualTo(Map.of("confirmed", CAPACITY - 1, "offered", 1,
                    "waitlisted", PEOPLE - CAPACITY - 2, "pending", 0, "placesLeft", 0));
        }
        List<Long> sorted = latencies.stream().sorted().toList();
        System.out.printf("Event registration latency under a burst of %d (%d rounds, %d requests): p50 %d ms, "
                        + "p95 %d ms, max %d ms%n", PEOPLE, ROUNDS, sorted.size(), percentile(sorted, 50),
                percentile(sorted, 95), sorted.getLast());
    }

    private List<Integer> registerAllAtOnce(String event, List<Long> latencies) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (long person : people) {
            calls.add(() -> {
                start.await();
                long began = System.nanoTime();
                Response response = organisers.register(lps, event, person, Map.of("role", "STAFF"));
                latencies.add((System.nanoTime() - began) / 1_000_000);
                return response.status();
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(PEOPLE);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Integer>> results = calls.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
        return statuses;
    }

    private List<Map<String, Object>> registrations(String event, String status) {
        Response response = client.get("/api/events/" + event + "/registrations"
                + (status == null ? "" : "?status=" + status), bearer(lps.admin()));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        try {
            return json.readValue(response.body(), io.micronaut.core.type.Argument.listOf(
                    io.micronaut.core.type.Argument.mapOf(String.class, Object.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String status(String registration) {
        return client.get("/api/registrations/" + registration, bearer(lps.admin())).string("status");
    }

    private static Integer[] positions(int count) {
        Integer[] positions = new Integer[count];
        for (int i = 0; i < count; i++) {
            positions[i] = i + 1;
        }
        return positions;
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}
