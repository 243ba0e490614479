package eu.koopera.ui.session;

/** Raised by navigation when the signed-in account may not open the view it asked for. */
public class AccessDeniedException extends RuntimeException {

    public AccessDeniedException(String target) {
        super("Access denied to " + target);
    }
}
