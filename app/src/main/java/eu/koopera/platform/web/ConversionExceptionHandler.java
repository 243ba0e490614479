package eu.koopera.platform.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers a body or parameter of the wrong type (a number given as text, an unknown enum value, a fraction for an
 * id, text with a NUL character) with a 400 problem that names the parameter or JSON field and what is wrong,
 * without the parser's internal message.
 */
@Singleton
@Produces
@Replaces(ConversionErrorHandler.class)
public class ConversionExceptionHandler implements ExceptionHandler<ConversionErrorException, HttpResponse<?>> {

    private static final Pattern JAVA_TYPE = Pattern.compile("`(?:[a-z]+\\.)*([A-Z][A-Za-z]*)(?:\\$[A-Za-z]+)?`");
    private static final Pattern PROPERTY = Pattern.compile("Error decoding property \\[[^\\]]*?(\\w+)]");
    private static final Pattern ENUM_VALUE = Pattern.compile("(?i)enum.*?value\\s*\\[?([^\\]\\s]+)");

    private final ApiExceptionHandler problems;

    public ConversionExceptionHandler(ApiExceptionHandler problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ConversionErrorException exception) {
        boolean body = exception.getArgument().getAnnotationMetadata().hasAnnotation(Body.class);
        InvalidJsonValue strict = strictCause(exception);
        String field = !body ? exception.getArgument().getName()
                : strict != null && strict.field() != null ? strict.field() : bodyField(exception);
        String reason = strict != null ? strict.getMessage() : "has the wrong type: " + reason(exception);
        ApiException problem = field == null
                ? new ApiException.BadRequest("The request body has a value of the wrong type: "
                + (strict != null ? strict.getMessage() : reason(exception)) + ".")
                : new ApiException.BadRequest("The request has invalid fields.",
                List.of(new Problem.FieldError(field, reason)));
        return problems.handle(request, problem);
    }

    /** The failure of our own strict readers, whose message is fit for the client; null for other failures. */
    private static InvalidJsonValue strictCause(ConversionErrorException exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidJsonValue invalid) {
                return invalid;
            }
        }
        return null;
    }

    /**
     * The JSON field a body failed at, dotted when nested ({@code address.city}), from Serde's "Error decoding
     * property [Type name]" messages along the cause chain; null when the body failed as a whole.
     */
    static String bodyField(ConversionErrorException exception) {
        List<String> longest = List.of();
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            // an outer message repeats the inner ones, so the one naming the most properties has the whole path
            List<String> path = new ArrayList<>();
            Matcher property = PROPERTY.matcher(cause.getMessage() == null ? "" : cause.getMessage());
            while (property.find()) {
                path.add(property.group(1));
            }
            if (path.size() > longest.size()) {
                longest = path;
            }
        }
        return longest.isEmpty() ? null : String.join(".", longest);
    }

    private static String reason(ConversionErrorException exception) {
        String message = exception.getConversionError().getCause().getMessage();
        if (message == null) {
            return "unreadable value";
        }
        String firstLine = message.lines().findFirst().orElse(message);
        int dueTo = firstLine.lastIndexOf("due to: ");
        String text = dueTo >= 0 ? firstLine.substring(dueTo + "due to: ".length()) : firstLine;
        text = text.replaceAll("Error decoding property \\[[^\\]]*] of type \\[[^\\]]*]: ", "");
        Matcher enumValue = ENUM_VALUE.matcher(text);
        if (text.toLowerCase().contains("enum") && enumValue.find()) {
            return "unknown value " + enumValue.group(1);
        }
        text = JAVA_TYPE.matcher(text).replaceAll(match -> match.group(1).toLowerCase());
        text = text.replaceAll("(?:[a-z]+\\.)+([A-Z][A-Za-z]*)", "$1");
        return text.length() > 200 ? text.substring(0, 200) : text;
    }
}
