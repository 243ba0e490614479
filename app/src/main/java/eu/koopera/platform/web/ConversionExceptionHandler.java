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

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers a body or parameter of the wrong type (a number given as text, an unknown enum value) with a 400
 * problem that names the parameter and the expected type, without the parser's internal message.
 */
@Singleton
@Produces
@Replaces(ConversionErrorHandler.class)
public class ConversionExceptionHandler implements ExceptionHandler<ConversionErrorException, HttpResponse<?>> {

    private static final Pattern JAVA_TYPE = Pattern.compile("`(?:[a-z]+\\.)*([A-Z][A-Za-z]*)(?:\\$[A-Za-z]+)?`");
    private static final Pattern ENUM_VALUE = Pattern.compile("(?i)enum.*?value\\s*\\[?([^\\]\\s]+)");

    private final ApiExceptionHandler problems;

    public ConversionExceptionHandler(ApiExceptionHandler problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ConversionErrorException exception) {
        boolean body = exception.getArgument().getAnnotationMetadata().hasAnnotation(Body.class);
        String field = exception.getArgument().getName();
        String reason = reason(exception);
        ApiException problem = body
                ? new ApiException.BadRequest("The request body has a value of the wrong type: " + reason + ".")
                : new ApiException.BadRequest("The request has invalid fields.",
                List.of(new Problem.FieldError(field, "has the wrong type: " + reason)));
        return problems.handle(request, problem);
    }

    private static String reason(ConversionErrorException exception) {
        String message = exception.getConversionError().getCause().getMessage();
        if (message == null) {
            return "unreadable value";
        }
        String firstLine = message.lines().findFirst().orElse(message);
        int dueTo = firstLine.lastIndexOf("due to: ");
        String text = dueTo >= 0 ? firstLine.substring(dueTo + "due to: ".length()) : firstLine;
        Matcher enumValue = ENUM_VALUE.matcher(text);
        if (text.toLowerCase().contains("enum") && enumValue.find()) {
            return "unknown value " + enumValue.group(1);
        }
        text = JAVA_TYPE.matcher(text).replaceAll(match -> match.group(1).toLowerCase());
        text = text.replaceAll("(?:[a-z]+\\.)+([A-Z][A-Za-z]*)", "$1");
        return text.length() > 200 ? text.substring(0, 200) : text;
    }
}
