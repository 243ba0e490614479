package eu.koopera.platform.web;

import eu.koopera.platform.database.SqlStates;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs any exception no other handler claims and answers 500 with a problem that says nothing about the cause;
 * a lost database connection answers 503, since the request may succeed when repeated. A unique violation or text
 * PostgreSQL cannot store that reached the database past every earlier check still answers as the client error it
 * is (409, 400), never 500.
 */
@Singleton
@Produces
public class UnexpectedExceptionHandler implements ExceptionHandler<RuntimeException, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionHandler.class);

    private final ErrorResponseProcessor<?> problems;

    public UnexpectedExceptionHandler(ErrorResponseProcessor<?> problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, RuntimeException exception) {
        if (SqlStates.connectionLost(exception)) {
            // the transaction died with its connection, so nothing of it was written; the client may try again
            LOG.warn("Database connection lost on {} {}: {}", request.getMethod(), request.getPath(),
                    exception.getMessage());
            return problems.processResponse(ErrorContext.builder(request).cause(exception)
                            .errorMessage("The database connection was lost; nothing was saved. Try again.").build(),
                    HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1"));
        }
        if (SqlStates.uniqueViolation(exception)) {
            // a race the service did not map: the other request won, and repeating this one would conflict too
            LOG.warn("Unique violation on {} {}: {}", request.getMethod(), request.getPath(), exception.getMessage());
            return problems.processResponse(ErrorContext.builder(request).cause(exception)
                            .errorMessage("Another record already has one of these unique values.").build(),
                    HttpResponse.status(HttpStatus.CONFLICT));
        }
        if (SqlStates.causedBy(exception, SqlStates.UNSTORABLE_TEXT)) {
            // the web layer refuses such text with the field named; this is the net for an entry point it missed
            LOG.warn("Unstorable text on {} {}: {}", request.getMethod(), request.getPath(), exception.getMessage());
            return problems.processResponse(ErrorContext.builder(request).cause(exception)
                            .errorMessage("The request has text that cannot be stored, such as a NUL character.")
                            .build(), HttpResponse.status(HttpStatus.BAD_REQUEST));
        }
        LOG.error("Unhandled error on {} {}", request.getMethod(), request.getPath(), exception);
        return problems.processResponse(ErrorContext.builder(request).cause(exception).build(),
                HttpResponse.serverError());
    }
}
