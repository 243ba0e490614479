package eu.koopera.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Arrays;
import java.util.List;

/**
 * An RFC 9457 problem document.
 *
 * @param type   a URI naming the kind of problem
 * @param title  a short summary of the kind of problem
 * @param status the HTTP status
 * @param detail what went wrong with this request, safe to show to the client
 * @param errors per-field or per-row errors, for validation problems
 * @param code   a stable code that tells refusals of the same type apart (such as {@code event.full}), if any
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, @Nullable String detail,
                      @Nullable List<FieldError> errors, @Nullable Object current, @Nullable String code) {

    public Problem(String type, String title, int status, @Nullable String detail, @Nullable List<FieldError> errors) {
        this(type, title, status, detail, errors, null, null);
    }

    /** The media type of problem documents. */
    public static final String MEDIA_TYPE = "application/problem+json";
    /** Prefix of every problem type URI Koopera defines. */
    public static final String TYPE_PREFIX = "https://koopera.eu/problems/";

    /**
     * One invalid input: a field of a JSON body or parameter, or a cell of an imported file.
     *
     * @param field   the JSON field (dotted for nested fields) or parameter; null for file cells
     * @param message what is wrong with it, in English
     * @param row     the row of an imported file as a spreadsheet numbers it (the header is row 1)
     * @param column  the column of an imported file
     * @param code    a stable code for what is wrong (such as {@code import.empty}), for clients that word the
     *                message themselves, in their user's language; absent where only the message exists
     * @param params  the values the message names, in the order a translation of {@code code} uses them
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(@Nullable String field, String message, @Nullable Integer row, @Nullable String column,
                             @Nullable String code, @Nullable List<String> params) {

        public FieldError(String field, String message) {
            this(field, message, null, null, null, null);
        }

        public FieldError(@Nullable String field, String message, @Nullable Integer row, @Nullable String column) {
            this(field, message, row, column, null, null);
        }

        /** An error in one cell of an imported file. */
        public static FieldError cell(int row, String column, String message) {
            return new FieldError(null, message, row, column);
        }

        /** An error in one field of a request, with its code and the values its message names. */
        public static FieldError field(String field, String code, String message, Object... params) {
            return new FieldError(field, message, null, null, code,
                    Arrays.stream(params).map(String::valueOf).toList());
        }

        /** An error in one cell of an imported file, with its code and the values its message names. */
        public static FieldError cell(int row, String column, String code, String message, Object... params) {
            return new FieldError(null, message, row, column, code,
                    Arrays.stream(params).map(String::valueOf).toList());
        }
    }
}
