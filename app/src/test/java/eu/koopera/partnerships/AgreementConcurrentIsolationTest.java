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
 * Three associations with agreements (one between members of two of them, confirmed) while hundreds of their
 * requests run at once over a pool of two connections: every answer holds only agreements its association may see.
 */
@MicronautTest(transactional = false)
class AgreementConcurrentIsolationTest extends IntegrationTest {

    private static final int REQUESTS = 180;

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    TestClient client;
    List<Association> associations;
    /** Each agreement and the associations that list it. */
    Map<String, Set<Association>> listed;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("datasources.default.maximum-pool-size", "2", "datasources.default.minimum-idle", "2");
    }

    @BeforeAll
    void threeAssociationsWithAgreements() {
        client = new TestClient(server.getURI(), json);
        Associations arrange = new Associations(client);
        Association alpha = arrange.create("agcca", "alpha Rīga", "alpha Ogre");
        Association beta = arrange.create("agccb", "beta Kaunas");
        Association gamma = arrange.create("agccc", "gamma Tartu", "gamma Pärnu");
        associations = List.of(alpha, beta, gamma);
        Agreements agreements = new Agreements(client);
        String shared = agreements.create(alpha, Agreements.twinning(alpha.member("alpha Rīga"), beta.code(),
                beta.member("beta Kaunas")));
        Response confirmed = client.post("/api/agreements/" + shared + "/confirm", "", bearer(beta.admin()));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        String alphaOnly = agreements.create(alpha, Map.of("type", "COOPERATION_AGREEMENT",
                "title", Map.of("lv", "alpha"), "parties", List.of(Map.of("memberId", alpha.member("alpha Rīga")),
                        Map.of("memberId", alpha.member("alpha Ogre")))));
        String gammaOnly = agreements.create(gamma, Map.of("type", "TWINNING", "title", Map.of("lv", "gamma"),
                "parties", List.of(Map.of("memberId", gamma.member("gamma Tartu")),
                        Map.of("memberId", gamma.member("gamma Pärnu")))));
        listed = Map.of(shared, Set.of(alpha, beta), alphaOnly, Set.of(alpha), gammaOnly, Set.of(gamma));
    }

    @Test
    void interleavedRequestsOfThreeAssociationsOverTwoConnectionsSeeOnlyWhatTheirAssociationMay() throws Exception {
        List<String> ids = List.copyOf(listed.keySet());
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            Association association = associations.get(i % 3);
            String agreement = ids.get((i / 3) % ids.size());
            switch ((i / 9) % 3) {
                case 0 -> calls.add(() -> checkList(association));
                case 1 -> calls.add(() -> checkAgreement(association, agreement));
                default -> calls.add(() -> checkFulfilment(association, agreement));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(24);
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
        Response page = client.get("/api/agreements?size=100", bearer(association.coordinator()));
        if (page.status() != 200) {
            return association.code() + " list: " + page;
        }
        Set<Object> seen = Set.copyOf(page.list("items").stream().map(item -> item.get("id")).toList());
        Set<String> expected = Set.copyOf(listed.entrySet().stream()
                .filter(entry -> entry.getValue().contains(association)).map(Map.Entry::getKey).toList());
        return seen.equals(expected) ? null : association.code() + " listed " + seen;
    }

    private String checkAgreement(Association association, String agreement) {
        Response response = client.get("/api/agreements/" + agreement, bearer(association.admin()));
        boolean allowed = listed.get(agreement).contains(association);
        if (allowed && response.status() == 200 && response.string("id").equals(agreement)) {
            return null;
        }
        return !allowed && response.status() == 404 && !response.body().contains("\"parties\"") ? null
                : association.code() + " get " + agreement + ": " + response;
    }

    private String checkFulfilment(Association association, String agreement) {
        Response response = client.get("/api/agreements/" + agreement + "/fulfilment", bearer(association.admin()));
        boolean allowed = listed.get(agreement).contains(association);
        return (allowed ? response.status() == 200 : response.status() == 404) ? null
                : association.code() + " fulfilment of " + agreement + ": " + response;
    }
}
