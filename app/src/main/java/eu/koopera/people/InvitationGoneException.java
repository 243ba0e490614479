package eu.koopera.people;

import eu.koopera.platform.web.ApiException;
import io.micronaut.http.HttpStatus;

/** An invitation link that existed but can no longer be used (410), with a distinct problem type per reason. */
public final class InvitationGoneException extends ApiException {

    private final Reason reason;

    InvitationGoneException(Reason reason) {
        super(reason.detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.GONE;
    }

    @Override
    public String type() {
        return reason.type;
    }

    /** Why the link is dead. */
    public enum Reason {
        EXPIRED("invitation-expired", "This invitation has expired; ask the association for a new one."),
        REVOKED("invitation-revoked", "This invitation was withdrawn by the association."),
        USED("invitation-used", "This invitation has already been accepted; log in instead.");

        private final String type;
        private final String detail;

        Reason(String type, String detail) {
            this.type = type;
            this.detail = detail;
        }
    }
}
