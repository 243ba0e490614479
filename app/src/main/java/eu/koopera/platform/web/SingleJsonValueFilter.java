package eu.koopera.platform.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.body.CloseableAvailableByteBody;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.io.IOException;
import java.util.concurrent.CompletionException;

/**
 * Refuses a JSON request body with anything but white space after its value, such as {@code {...} x} or two
 * objects in a row. The body reader stops at the end of the first value and would act on it, ignoring the rest
 * of what the client sent; a client that sends more than one value has a bug we should tell it about. Only JSON
 * bodies are looked at, on a split of the body, so the controller still reads it as before. JSON bodies are also
 * held to {@link #MAX_JSON_BYTES}: the server accepts larger requests only for document uploads.
 */
@ServerFilter(value = "/api/**", methods = {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH})
public class SingleJsonValueFilter {

    /** The largest JSON body any endpoint accepts (413 above it). */
    static final long MAX_JSON_BYTES = 5L * 1024 * 1024;

    private final JsonFactory json = new JsonFactory();
    private final ApiExceptionHandler problems;

    public SingleJsonValueFilter(ApiExceptionHandler problems) {
        this.problems = problems;
    }

    /** Runs on a blocking thread, since it waits for the whole body (at most the server's request size limit). */
    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public @Nullable HttpResponse<?> check(HttpRequest<?> request) {
        if (!(request instanceof ServerHttpRequest<?> server)
                || !request.getContentType().map(SingleJsonValueFilter::isJson).orElse(false)) {
            return null;
        }
        if (request.getContentLength() > MAX_JSON_BYTES) {
            return tooLarge(request);
        }
        try (CloseableAvailableByteBody body = server.byteBody().split(ByteBody.SplitBackpressureMode.FASTEST)
                .buffer().join()) {
            if (body.length() > MAX_JSON_BYTES) {
                return tooLarge(request);
            }
            return hasTrailingContent(body.toByteArray()) ? problems.handle(request, new ApiException.BadRequest(
                    "The request body has more after its JSON value; send exactly one.")) : null;
        } catch (CompletionException e) {
            // the body could not be read (too large, connection closed): the body reader reports that as before
            return null;
        }
    }

    private HttpResponse<?> tooLarge(HttpRequest<?> request) {
        return problems.handle(request, new ApiException.TooLarge("The request body is larger than "
                + MAX_JSON_BYTES / (1024 * 1024) + " MB."));
    }

    private boolean hasTrailingContent(byte[] body) {
        boolean valueRead = false;
        try (JsonParser parser = json.createParser(body)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            valueRead = true;
            return parser.nextToken() != null;
        } catch (IOException e) {
            // malformed within the value itself is for the body reader to report, as for any other bad JSON
            return valueRead;
        }
    }

    private static boolean isJson(MediaType type) {
        return type.getSubtype().equals("json") || type.getSubtype().endsWith("+json");
    }
}
