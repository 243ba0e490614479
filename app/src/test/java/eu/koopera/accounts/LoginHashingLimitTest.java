package eu.koopera.accounts;

import eu.koopera.support.IntegrationTest;
import eu.koopera.support.TestClient;
import eu.koopera.support.TestClient.Response;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parallel logins beyond the hashing limit (one slot, no wait, so that the limit is certainly reached) are
 * answered 429 with {@code Retry-After}, unknown names as much as accounts, and never 500.
 */
@MicronautTest(transactional = false)
class LoginHashingLimitTest extends IntegrationTest {

    private static final String PASSWORD = "admin-password-123";
    private static final int PARALLEL = 40;

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    TestClient client;
    String tenant;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("koopera.proxy.forwarded-for", "true",
                "koopera.password-hashing.concurrency", "1",
                "koopera.password-hashing.max-wait", "1ms");
    }

    @BeforeAll
    void setUp() {
        client = new TestClient(server.getURI(), json);
        tenant = client.createTenantWithAdmin("hashing", PASSWORD);
    }

    @Test
    void loginsBeyondTheHashingLimitGet429WithRetryAfterAndNever500() throws Exception {
        long rssBefore = resetPeakRss();
        long heapBefore = resetPeakHeap();

        List<Response> answers = LoginAbuseTest.inParallel(PARALLEL, i -> client.post("/api/auth/login",
                Map.of("username", i % 2 == 0 ? "admin" : "nobody-" + i, "password", "wrong-" + i),
                "X-Tenant", tenant, "X-Forwarded-For", "203.0.113." + (i + 1)));

        System.out.printf("%d parallel logins with 1 hashing slot: %d x 401, %d x 429; peak RSS +%d MB,"
                        + " peak heap +%d MB%n", PARALLEL, count(answers, 401), count(answers, 429),
                (peakRss() - rssBefore) / 1024, (peakHeap() - heapBefore) / (1024 * 1024));
        assertThat(answers).extracting(Response::status).containsOnly(401, 429);
        List<Response> refused = answers.stream().filter(answer -> answer.status() == 429).toList();
        assertThat(refused).isNotEmpty();
        assertThat(refused).allSatisfy(answer -> {
            assertThat(Long.parseLong(answer.header("Retry-After"))).isPositive();
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.string("type")).endsWith("/too-many-attempts");
        });
        assertThat(answers.stream().filter(answer -> answer.status() == 429)
                .filter(answer -> answers.indexOf(answer) % 2 == 1)).as("unknown names refused too").isNotEmpty();
        assertThat(client.login(tenant, "admin", PASSWORD)).as("the right password once the rush is over")
                .isNotBlank();
    }

    private static long count(List<Response> answers, int status) {
        return answers.stream().filter(answer -> answer.status() == status).count();
    }

    /** Resets the kernel's peak-RSS mark of this JVM (which also runs the server); the current RSS in KiB. */
    private static long resetPeakRss() throws IOException {
        Path clearRefs = Path.of("/proc/self/clear_refs");
        if (Files.isWritable(clearRefs)) {
            Files.writeString(clearRefs, "5");
        }
        return status("VmRSS");
    }

    private static long peakRss() throws IOException {
        return status("VmHWM");
    }

    private static long status(String field) throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return 0;
        }
        return Files.readAllLines(status).stream().filter(line -> line.startsWith(field + ":"))
                .map(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(0L);
    }

    private static long resetPeakHeap() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
                used += pool.getUsage().getUsed();
            }
        }
        return used;
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }
}
