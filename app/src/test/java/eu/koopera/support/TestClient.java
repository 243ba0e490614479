package eu.koopera.support;

import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A plain HTTP client for API tests: it never throws on 4xx or 5xx, so tests can look at any status and body.
 */
public final class TestClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final JsonMapper json;

    public TestClient(URI base, JsonMapper json) {
        this.base = base;
        this.json = json;
    }

    public Response get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    /** A GET whose body is kept as bytes, for images and spreadsheets. */
    public HttpResponse<byte[]> getBytes(String path, String... headers) {
        try {
            return http.send(request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response delete(String path, String... headers) {
        return send(request(path, headers).DELETE());
    }

    public Response post(String path, String body, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response put(String path, String body, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response patch(String path, String body, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts one file as multipart form data, in the part {@code file}, declaring {@code declaredType}. */
    public Response upload(String path, String fileName, String declaredType, byte[] content, String... headers) {
        String boundary = "----koopera" + UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + declaredType + "\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return send(request(path, headers).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Sends any method with a raw body of any content type. */
    public Response send(String path, String method, String body, String contentType, String... headers) {
        return send(request(path, headers).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response post(String path, Object body, String... headers) {
        return post(path, toJson(body), headers);
    }

    public Response put(String path, Object body, String... headers) {
        return put(path, toJson(body), headers);
    }

    public Response patch(String path, Object body, String... headers) {
        return patch(path, toJson(body), headers);
    }

    /** Logs in and returns the access token. */
    public String login(String tenant, String username, String password) {
        String[] headers = tenant == null ? new String[0] : new String[]{"X-Tenant", tenant};
        Response response = post("/api/auth/login", Map.of("username", username, "password", password), headers);
        if (response.status() != 200) {
            throw new AssertionError("Login failed: " + response);
        }
        return response.string("access_token");
    }

    public String operatorToken() {
        return login(null, "admin", IntegrationTest.OPERATOR_PASSWORD);
    }

    /** Creates a tenant with a unique code starting with {@code prefix}, and an administrator {@code admin}. */
    public String createTenantWithAdmin(String prefix, String adminPassword) {
        return createTenantWithAdmin(prefix, adminPassword, "LV", "lv");
    }

    /** A new association of {@code country} speaking {@code locale}, with its administrator {@code admin}. */
    public String createTenantWithAdmin(String prefix, String adminPassword, String country, String locale) {
        String code = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String operator = operatorToken();
        Response created = post("/api/platform/tenants", Map.of("code", code, "name", "Association " + code,
                "country", country, "defaultLocale", locale), bearer(operator));
        if (created.status() != 201) {
            throw new AssertionError("Tenant not created: " + created);
        }
        Response user = post("/api/platform/tenants/" + code + "/users", Map.of("username", "admin",
                "password", adminPassword, "email", "admin@" + code + ".example", "roles",
                List.of("ASSOCIATION_ADMIN")), bearer(operator));
        if (user.status() != 201) {
            throw new AssertionError("Admin not created: " + user);
        }
        return code;
    }

    public static String[] bearer(String token, String... more) {
        String[] headers = new String[2 + more.length];
        headers[0] = "Authorization";
        headers[1] = "Bearer " + token;
        System.arraycopy(more, 0, headers, 2, more.length);
        return headers;
    }

    public String toJson(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers().map(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response with its body parsed on demand. */
    public record Response(int status, String body, Map<String, List<String>> headers, JsonMapper json) {

        @SuppressWarnings("unchecked")
        public Map<String, Object> map() {
            try {
                return body.isEmpty() ? Map.of() : json.readValue(body, LinkedHashMap.class);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }

        public String string(String field) {
            Object value = map().get(field);
            return value == null ? null : value.toString();
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> list(String field) {
            return (List<Map<String, Object>>) map().get(field);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().getFirst()).findFirst().orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
