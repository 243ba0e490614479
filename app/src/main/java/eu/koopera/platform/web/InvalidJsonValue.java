package eu.koopera.platform.web;

import io.micronaut.serde.exceptions.SerdeException;

/**
 * A JSON value of the wrong shape or with text the platform refuses, raised while a request body is read. Its
 * message says what is wrong, in words fit for the client.
 */
public final class InvalidJsonValue extends SerdeException {

    private final String field;

    /**
     * @param field   the property being read, as the deserializer's argument names it
     * @param message what is wrong with its value
     */
    public InvalidJsonValue(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The JSON field, or null when the value is not a named property (an element of a list, say). */
    public String field() {
        // elements of collections are read with the type variable's name, such as E
        return field == null || field.isEmpty() || field.matches("[A-Z]") ? null : field;
    }
}
