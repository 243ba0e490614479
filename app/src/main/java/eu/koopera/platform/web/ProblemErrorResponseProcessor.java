package eu.koopera.platform.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * Renders every error response as {@code application/problem+json}, including those Micronaut produces itself
 * (unreadable JSON, unknown routes, failed bean validation, missing authentication). Details are taken from the
 * framework's error messages only for client errors; server errors get a fixed text so that nothing internal
 * leaks.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    private static final Map<Integer, String> TYPES = Map.of(
            400, "invalid-request",
            401, "unauthorized",
            403, "forbidden",
            404, "not-found",
            405, "method-not-allowed",
            409, "conflict",
            413, "payload-too-large",
            415, "unsupported-media-type",
            422, "unprocessable-content",
            429, "too-many-attempts");

    @Override
    @NonNull
    public MutableHttpResponse<Problem> processResponse(@NonNull ErrorContext context,
                                                        @NonNull MutableHttpResponse<?> response) {
        int status = response.code();
        Problem problem = context.getRootCause()
                .filter(ApiException.class::isInstance)
                .map(ApiException.class::cast)
                .map(ProblemErrorResponseProcessor::fromApiException)
                .orElseGet(() -> fromFramework(status, context.getErrors()));
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return response.body(null);
        }
        return response.body(problem).contentType(Problem.MEDIA_TYPE);
    }

    private static Problem fromApiException(ApiException exception) {
        HttpStatus status = exception.status();
        return new Problem(Problem.TYPE_PREFIX + exception.type(), status.getReason(), status.getCode(),
                exception.getMessage(), exception.errors().isEmpty() ? null : exception.errors(), exception.current(),
                exception.code());
    }

    private static Problem fromFramework(int status, List<Error> errors) {
        String reason = HttpStatus.valueOf(status).getReason();
        String type = Problem.TYPE_PREFIX + TYPES.getOrDefault(status, status >= 500 ? "server-error" : "client-error");
        if (status >= 500) {
            return new Problem(type, reason, status, "The server could not complete the request.", null);
        }
        List<Problem.FieldError> fieldErrors = errors.stream()
                .filter(error -> error.getPath().isPresent())
                .map(error -> new Problem.FieldError(fieldName(error.getPath().get()), error.getMessage()))
                .toList();
        String detail = fieldErrors.isEmpty()
                ? errors.stream().map(Error::getMessage).findFirst().map(ProblemErrorResponseProcessor::clean).orElse(reason)
                : "The request has invalid fields.";
        return new Problem(type, reason, status, detail, fieldErrors.isEmpty() ? null : fieldErrors);
    }

    /** Turns a validation path such as {@code create.command.name} into the JSON field {@code name}. */
    static String fieldName(String path) {
        String[] parts = path.split("\\.");
        return parts.length <= 2 ? parts[parts.length - 1] : String.join(".", List.of(parts).subList(2, parts.length));
    }

    /** Framework messages may quote Java types; keep the first sentence, without class names. */
    private static String clean(String message) {
        String firstLine = message.lines().findFirst().orElse(message);
        return firstLine.replaceAll("\\b(?:[a-z]+\\.)+[A-Z][A-Za-z$]*", "value");
    }
}
