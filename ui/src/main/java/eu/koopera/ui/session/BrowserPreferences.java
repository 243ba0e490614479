package eu.koopera.ui.session;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import jakarta.servlet.http.Cookie;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Harmless choices this browser keeps for a year before anyone signs in: the language picked on the sign-in page
 * and the association signed in to last. Codes only, never secrets; HTTP-only, same-site.
 */
public final class BrowserPreferences {

    /** The language chosen on the sign-in page. */
    public static final String LANGUAGE = "koopera-language";
    /** The association signed in to last. */
    public static final String ASSOCIATION = "koopera-association";

    private static final Duration KEPT = Duration.ofDays(365);

    private BrowserPreferences() {
    }

    /** The value this browser sent for {@code name}, if it is a plain code. */
    public static Optional<String> read(String name) {
        VaadinRequest request = VaadinRequest.getCurrent();
        Cookie[] cookies = request == null ? null : request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(cookie -> name.equals(cookie.getName())).map(Cookie::getValue)
                .filter(value -> value.matches("[a-z0-9_-]{1,32}")).findFirst();
    }

    /** Asks the browser to keep {@code value} under {@code name}. */
    public static void remember(String name, String value) {
        VaadinResponse response = VaadinResponse.getCurrent();
        if (response != null) {
            Cookie cookie = new Cookie(name, value);
            cookie.setPath("/");
            cookie.setMaxAge((int) KEPT.toSeconds());
            cookie.setHttpOnly(true);
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
        }
    }
}
