package eu.koopera.platform.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Refuses a request whose path or query parameters, once percent-decoded, are not text the platform can store: a
 * NUL character, a lone surrogate or bytes that are not UTF-8. Checked here, once for every route, because such
 * text would otherwise reach PostgreSQL as a tenant code, a token or a search word and fail there as a 500.
 */
@ServerFilter("/api/**")
public class RequestTextFilter {

    @RequestFilter
    public void check(HttpRequest<?> request) {
        String pathProblem = problem(request.getUri().getRawPath(), false);
        if (pathProblem != null) {
            throw invalid("path", pathProblem);
        }
        String query = request.getUri().getRawQuery();
        if (query == null) {
            return;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String name = decode(rawName, true);
            if (name == null || TextRules.problem(name) != null) {
                throw invalid("query", "has a parameter name that is not valid text");
            }
            String valueProblem = equals < 0 ? null : problem(pair.substring(equals + 1), true);
            if (valueProblem != null) {
                throw invalid(name, valueProblem);
            }
        }
    }

    private static ApiException invalid(String field, String message) {
        return new ApiException.BadRequest("The request has invalid fields.",
                List.of(new Problem.FieldError(field, message)));
    }

    private static @Nullable String problem(@Nullable String raw, boolean query) {
        if (raw == null) {
            return null;
        }
        String text = decode(raw, query);
        return text == null ? "must be percent-encoded UTF-8 text" : TextRules.problem(text);
    }

    /** Percent-decodes strictly: null for a broken escape or bytes that are not UTF-8, which lenient decoders hide. */
    private static @Nullable String decode(String raw, boolean query) {
        if (raw.indexOf('%') < 0 && (!query || raw.indexOf('+') < 0)) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '+' && query) {
                bytes.write(' ');
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
