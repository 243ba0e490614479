package eu.koopera.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * An RFC 9457 problem document.
 *
 * @param type   a URI naming the kind of problem
 * @param title  a short summary of the kind of problem
 * @param status the HTTP status
 * @param detail what went wrong with this request, safe to show to the client
 * @param errors per-field or per-row errors, for validation problems
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, @Nullable String detail,
                      @Nullable List<FieldError> errors) {

    /** The media type of problem documents. */
    public static final String MEDIA_TYPE = "application/problem+json";
    /** Prefix of every problem type URI Koopera defines. */
    public static final String TYPE_PREFIX = "https://koopera.eu/problems/";

    /**
     * One invalid input.
     *
     * @param field   the JSON field (dotted for nested fields), column or parameter
     * @param message what is wrong with it
     * @param row     the 1-based data row, for imports
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String message, @Nullable Integer row) {

        public FieldError(String field, String message) {
            this(field, message, null);
        }
    }
}
