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
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/** Twenty coordinators accepting twenty applications at once never make more pilots than the limit. */
@MicronautTest(transactional = false)
class PilotLimitConcurrencyTest extends IntegrationTest {

    private static final int APPLICATIONS = 20;
    private static final int MAX_PILOTS = 3;

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Test
    void twentyParallelAcceptancesForThreePilotPlacesAcceptExactlyThree() throws Exception {
        TestClient client = new TestClient(server.getURI(), json);
        Associations associations = new Associations(client);
        String[] names = new String[APPLICATIONS];
        for (int i = 0; i < APPLICATIONS; i++) {
            names[i] = "Pašvaldība " + i;
        }
        Association owner = associations.create("pil", names);
        String network = associations.network(owner, "Pilotu limits", "OPEN_FOR_APPLICATIONS", MAX_PILOTS);
        associations.take(owner, network, names);
        List<String> ids = new ArrayList<>();
        for (String name : names) {
            Response applied = client.post("/api/networks/" + network + "/applications", Map.of("memberId",
                    owner.member(name), "motivation", "Lūdzu"), bearer(owner.admin()));
            assertThat(applied.status()).as(applied.body()).isEqualTo(201);
            ids.add(applied.string("id"));
        }

        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> accepts = new ArrayList<>();
        for (String id : ids) {
            accepts.add(() -> {
                start.await();
                return client.post("/api/networks/" + network + "/applications/" + id + "/accept", Map.of(),
                        bearer(owner.coordinator())).status();
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(APPLICATIONS);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Integer>> results = accepts.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses).filteredOn(status -> status == 200).hasSize(MAX_PILOTS);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(APPLICATIONS - MAX_PILOTS);
        assertThat(Database.count("SELECT count(*) FROM shared.network_pilot_application WHERE network_id = '"
                + network + "' AND status = 'ACCEPTED'")).isEqualTo(MAX_PILOTS);
    }
}
