package eu.koopera.networks;

import eu.koopera.networks.Associations.Association;
import eu.koopera.support.IntegrationTest;
import eu.koopera.support.TestClient;
import eu.koopera.support.TestClient.Response;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three associations share networks pairwise while hundreds of their requests run at once over a pool of two
 * connections. Every response holds only networks, municipalities and members its association may see.
 */
@MicronautTest(transactional = false)
class NetworkIsolationTest extends IntegrationTest {

    private static final int REQUESTS = 240;

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    TestClient client;
    List<Association> associations;
    /** Each network and the associations taking part in it. */
    Map<String, Set<Association>> networks;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("datasources.default.maximum-pool-size", "2", "datasources.default.minimum-idle", "2");
    }

    @BeforeAll
    void threeAssociationsSharingNetworksPairwise() {
        client = new TestClient(server.getURI(), json);
        Associations arrange = new Associations(client);
        Association alpha = arrange.create("alpha", "alpha Rīga", "alpha Ogre");
        Association beta = arrange.create("beta", "beta Kaunas", "beta Alytus");
        Association gamma = arrange.create("gamma", "gamma Tartu", "gamma Pärnu");
        associations = List.of(alpha, beta, gamma);
        String alphaBeta = arrange.network(alpha, "alpha network with beta", "OPEN_FOR_APPLICATIONS", 5);
        arrange.take(alpha, alphaBeta, "alpha Rīga");
        arrange.share(alpha, alphaBeta, beta, "beta Kaunas");
        String betaGamma = arrange.network(beta, "beta network with gamma", "ACTIVE", 5);
        arrange.take(beta, betaGamma, "beta Alytus");
        arrange.share(beta, betaGamma, gamma, "gamma Tartu", "gamma Pärnu");
        String gammaOnly = arrange.network(gamma, "gamma network alone", "PLANNED", 5);
        arrange.take(gamma, gammaOnly, "gamma Tartu");
        networks = Map.of(alphaBeta, Set.of(alpha, beta), betaGamma, Set.of(beta, gamma), gammaOnly, Set.of(gamma));
    }

    @Test
    void interleavedRequestsOfThreeAssociationsOverTwoConnectionsSeeOnlyWhatTheirAssociationMay() throws Exception {
        List<String> ids = List.copyOf(networks.keySet());
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            Association association = associations.get(i % 3);
            String network = ids.get((i / 3) % ids.size());
            switch ((i / 9) % 4) {
                case 0 -> calls.add(() -> checkList(association));
                case 1 -> calls.add(() -> checkNetwork(association, network));
                case 2 -> calls.add(() -> checkParticipants(association, network));
                default -> calls.add(() -> checkMembers(association));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<String> failures = new ArrayList<>();
        try {
            for (Future<String> result : pool.invokeAll(calls)) {
                if (result.get() != null) {
                    failures.add(result.get());
                }
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(failures).isEmpty();
    }

    private String checkList(Association association) {
        Response page = client.get("/api/networks?size=100", bearer(association.coordinator()));
        if (page.status() != 200) {
            return association.code() + " list: " + page;
        }
        List<Object> seen = page.list("items").stream().map(item -> item.get("id")).toList();
        List<String> expected = networks.entrySet().stream().filter(entry -> entry.getValue().contains(association))
                .map(Map.Entry::getKey).toList();
        return Set.copyOf(seen).equals(Set.copyOf(expected)) ? null : association.code() + " listed " + seen;
    }

    private String checkNetwork(Association association, String network) {
        Response response = client.get("/api/networks/" + network, bearer(association.admin()));
        boolean member = networks.get(network).contains(association);
        if (member && response.status() == 200 && response.string("id").equals(network)) {
            return null;
        }
        return !member && response.status() == 404 && !response.body().contains("\"name\"")
                ? null : association.code() + " get " + network + ": " + response;
    }

    private String checkParticipants(Association association, String network) {
        Response response = client.get("/api/networks/" + network + "/participants", bearer(association.admin()));
        if (!networks.get(network).contains(association)) {
            return response.status() == 404 ? null : association.code() + " participants of " + network + ": "
                    + response;
        }
        if (response.status() != 200) {
            return association.code() + " participants: " + response;
        }
        Set<String> allowed = networks.get(network).stream().map(Association::code)
                .collect(java.util.stream.Collectors.toSet());
        for (Map<String, Object> participant : items(response)) {
            if (!allowed.contains(participant.get("tenant").toString())) {
                return association.code() + " saw participant " + participant + " in " + network;
            }
        }
        return null;
    }

    private String checkMembers(Association association) {
        Response page = client.get("/api/members?size=100", bearer(association.admin()));
        if (page.status() != 200) {
            return association.code() + " members: " + page;
        }
        String prefix = association.members().keySet().iterator().next().split(" ")[0] + " ";
        for (Map<String, Object> item : page.list("items")) {
            if (!item.get("name").toString().startsWith(prefix)) {
                return association.code() + " saw member " + item;
            }
        }
        return page.list("items").size() == association.members().size() ? null
                : association.code() + " members " + page.list("items").size();
    }

    private List<Map<String, Object>> items(Response response) {
        try {
            return json.readValue(response.body(), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
