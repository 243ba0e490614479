package eu.koopera.platform.web;

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
 * Logs any exception no other handler claims and answers 500 with a problem that says nothing about the cause.
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
        LOG.error("Unhandled error on {} {}", request.getMethod(), request.getPath(), exception);
        return problems.processResponse(ErrorContext.builder(request).cause(exception).build(),
                HttpResponse.serverError());
    }
}
