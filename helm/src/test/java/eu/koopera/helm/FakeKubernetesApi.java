package eu.koopera.helm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The part of a Kubernetes API server that the chart's {@code lookup} reads: Secrets of the release namespace.
 * helm-java renders with lookups against the cluster of $KUBECONFIG, so the tests point that at this server on
 * the loopback address; a Secret it holds stands for the one an earlier release left in the cluster.
 */
final class FakeKubernetesApi {

    private static final String SECRETS_RESOURCE = """
            {"kind":"APIResourceList","apiVersion":"v1","groupVersion":"v1","resources":[
             {"name":"secrets","singularName":"secret","namespaced":true,"kind":"Secret","verbs":["get","list"]}]}""";
    private static final String NOT_FOUND = """
            {"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404}""";

    private final Map<String, String> secrets = new ConcurrentHashMap<>();

    /** Starts the server and writes the kubeconfig file named by $KUBECONFIG (set by the build). */
    static FakeKubernetesApi start() {
        String kubeconfig = System.getenv("KUBECONFIG");
        if (kubeconfig == null || kubeconfig.isBlank()) {
            throw new IllegalStateException("KUBECONFIG must name the file the tests write (see helm/pom.xml)");
        }
        try {
            FakeKubernetesApi api = new FakeKubernetesApi();
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", api::answer);
            server.setExecutor(null);
            server.start();
            Path file = Path.of(kubeconfig);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, """
                    apiVersion: v1
                    kind: Config
                    clusters: [{name: fake, cluster: {server: "http://127.0.0.1:%d"}}]
                    users: [{name: fake, user: {}}]
                    contexts: [{name: fake, context: {cluster: fake, user: fake}}]
                    current-context: fake
                    """.formatted(server.getAddress().getPort()));
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Holds a Secret, as an earlier release would have left it; values are given in plain text. */
    void putSecret(String namespace, String name, Map<String, String> data) {
        String encoded = data.entrySet().stream()
                .map(entry -> "\"%s\":\"%s\"".formatted(entry.getKey(),
                        Base64.getEncoder().encodeToString(entry.getValue().getBytes(StandardCharsets.UTF_8))))
                .collect(Collectors.joining(","));
        secrets.put("/api/v1/namespaces/%s/secrets/%s".formatted(namespace, name), """
                {"apiVersion":"v1","kind":"Secret","metadata":{"name":"%s","namespace":"%s"},"data":{%s}}"""
                .formatted(name, namespace, encoded));
    }

    void clear() {
        secrets.clear();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String secret = secrets.get(path);
        int status = "/api/v1".equals(path) || secret != null ? 200 : 404;
        String body = "/api/v1".equals(path) ? SECRETS_RESOURCE : secret != null ? secret : NOT_FOUND;
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
