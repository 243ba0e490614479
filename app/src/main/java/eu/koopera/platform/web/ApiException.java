package eu.koopera.platform.web;

import io.micronaut.http.HttpStatus;

import java.util.List;

/**
 * A failure the client can act on. Each subclass maps to one HTTP status and problem type; the message becomes
 * the problem's {@code detail}, so it must never carry SQL, schema names or stack traces.
 */
public abstract class ApiException extends RuntimeException {

    private final List<Problem.FieldError> errors;
    private String code;

    protected ApiException(String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.errors = List.copyOf(errors);
    }

    protected ApiException(String detail) {
        this(detail, List.of());
    }

    public abstract HttpStatus status();

    /** Last segment of the problem type URI. */
    public abstract String type();

    public List<Problem.FieldError> errors() {
        return errors;
    }

    /**
     * Names this refusal with a stable, machine-readable code (such as {@code event.full}) that the problem carries
     * as its {@code code} member, so that clients and the UI can tell refusals of the same type apart without
     * reading the English detail.
     */
    public ApiException withCode(String code) {
        this.code = code;
        return this;
    }

    /** The stable code of this refusal, or null when its type says enough. */
    public String code() {
        return code;
    }

    /** The resource's current state, when the client should see it; null otherwise. */
    public Object current() {
        return null;
    }

    /** The content cannot be processed, such as an import file with invalid rows (422). */
    public static final class Unprocessable extends ApiException {
        public Unprocessable(String detail, List<Problem.FieldError> errors) {
            super(detail, errors);
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.UNPROCESSABLE_ENTITY;
        }

        @Override
        public String type() {
            return "invalid-content";
        }
    }

    /** The request body is larger than this endpoint accepts (413). */
    public static final class TooLarge extends ApiException {
        public TooLarge(String detail) {
            super(detail);
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.REQUEST_ENTITY_TOO_LARGE;
        }

        @Override
        public String type() {
            return "payload-too-large";
        }
    }

    /** The input is invalid (400). */
    public static final class BadRequest extends ApiException {
        public BadRequest(String detail, List<Problem.FieldError> errors) {
            super(detail, errors);
        }

        public BadRequest(String detail) {
            super(detail);
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.BAD_REQUEST;
        }

        @Override
        public String type() {
            return "invalid-request";
        }
    }

    /** The caller may not do this (403). */
    public static final class Forbidden extends ApiException {
        public Forbidden(String detail) {
            super(detail);
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.FORBIDDEN;
        }

        @Override
        public String type() {
            return "forbidden";
        }
    }

    /** The resource does not exist, or is not visible to the caller (404). */
    public static final class NotFound extends ApiException {
        public NotFound(String detail) {
            super(detail);
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.NOT_FOUND;
        }

        @Override
        public String type() {
            return "not-found";
        }
    }

    /** The request conflicts with the current state, such as a duplicate code (409). */
    public static final class Conflict extends ApiException {
        private final Object current;

        public Conflict(String detail) {
            this(detail, null);
        }

        /** A conflict that shows the client the resource's current state. */
        public Conflict(String detail, Object current) {
            super(detail);
            this.current = current;
        }

        @Override
        public Object current() {
            return current;
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.CONFLICT;
        }

        @Override
        public String type() {
            return "conflict";
        }
    }

    /** Credentials are missing or wrong (401). */
    public static final class Unauthorized extends ApiException {
        public Unauthorized(String detail) {
            super(detail);
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.UNAUTHORIZED;
        }

        @Override
        public String type() {
            return "unauthorized";
        }
    }

    /** Too many failed attempts; try again later (429). */
    public static final class TooManyAttempts extends ApiException {
        private final long retryAfterSeconds;

        public TooManyAttempts(String detail, long retryAfterSeconds) {
            super(detail);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.TOO_MANY_REQUESTS;
        }

        @Override
        public String type() {
            return "too-many-attempts";
        }
    }
}
