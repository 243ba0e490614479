package eu.koopera.ui;

import eu.koopera.support.IntegrationTest;
import eu.koopera.ui.server.UiServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The UI's answers protect the browser: a content security policy that forbids framing by other sites, no
 * sniffing, a referrer policy, and a session cookie that is HttpOnly, SameSite=Lax and Secure whenever the trusted
 * ingress says the browser spoke HTTPS.
 */
@MicronautTest(transactional = false)
class UiWebHardeningTest extends IntegrationTest {

    @Inject
    UiServer ui;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("koopera.ui.enabled", "true", "koopera.ui.port", "0", "koopera.ui.host", "127.0.0.1",
                "koopera.proxy.forwarded-for", "true");
    }

    @Test
    void pagesCarryTheSecurityHeadersAndALaxHttpOnlySessionCookie() throws Exception {
        HttpResponse<String> page = get("/login");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("frame-ancestors 'self'", "default-src 'self'", "object-src 'none'"));
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(page.headers().firstValue("Server")).isEmpty();
        String cookie = sessionCookie(page);
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .doesNotContainIgnoringCase("Secure;").doesNotEndWithIgnoringCase("Secure");
    }

    @Test
    void theSessionCookieIsSecureWhenTheTrustedIngressReceivedHttps() throws Exception {
        HttpResponse<String> page = get("/login", "X-Forwarded-Proto", "https");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(sessionCookie(page)).containsIgnoringCase("Secure").containsIgnoringCase("SameSite=Lax");
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ui.port() + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newHttpClient().send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sessionCookie(HttpResponse<String> page) {
        return page.headers().allValues("Set-Cookie").stream().filter(value -> value.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + page.headers().map()));
    }
}
