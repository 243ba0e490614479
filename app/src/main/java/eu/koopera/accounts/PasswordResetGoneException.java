package eu.koopera.accounts;

import eu.koopera.platform.web.ApiException;
import io.micronaut.http.HttpStatus;

/** A password-reset link that existed but can no longer be used (410). */
public final class PasswordResetGoneException extends ApiException {

    private final String type;

    private PasswordResetGoneException(String type, String detail) {
        super(detail);
        this.type = type;
        withCode(type);
    }

    static PasswordResetGoneException used() {
        return new PasswordResetGoneException("reset-link-used",
                "This password-reset link was already used; ask for a new one.");
    }

    static PasswordResetGoneException expired() {
        return new PasswordResetGoneException("reset-link-expired",
                "This password-reset link has expired; ask for a new one.");
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.GONE;
    }

    @Override
    public String type() {
        return type;
    }
}
