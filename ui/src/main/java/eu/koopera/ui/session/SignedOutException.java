package eu.koopera.ui.session;

/**
 * The signed-in account is no longer admitted (its association was suspended or is being maintained, or the
 * account was disabled or removed); the session has forgotten it.
 */
public class SignedOutException extends RuntimeException {

    private final String reasonKey;

    public SignedOutException(String reasonKey) {
        super("Signed out: " + reasonKey, null, false, false);
        this.reasonKey = reasonKey;
    }

    /** The translation key of the reason shown to the user. */
    public String reasonKey() {
        return reasonKey;
    }
}
