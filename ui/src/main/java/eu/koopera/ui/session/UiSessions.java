package eu.koopera.ui.session;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Optional;

/** Who is signed in to the current Vaadin session; the only place that stores or reads it. */
@Singleton
public class UiSessions {

    public Optional<SignedIn> current() {
        return Optional.ofNullable(VaadinSession.getCurrent()).map(session -> session.getAttribute(SignedIn.class));
    }

    public SignedIn require() {
        return current().orElseThrow(() -> new IllegalStateException("Nobody is signed in to this UI session"));
    }

    /** Records a successful login; the HTTP session gets a new id so that a planted session id is useless. */
    public void signIn(SignedIn signedIn, Locale locale) {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request != null && request.getWrappedSession(false) != null) {
            VaadinService.reinitializeSession(request);
        }
        VaadinSession session = VaadinSession.getCurrent();
        session.setAttribute(SignedIn.class, signedIn);
        session.setLocale(locale);
        UI.getCurrent().setLocale(locale);
    }

    /** Replaces what is known of the signed-in account, such as its roles after they changed. */
    public void update(SignedIn signedIn) {
        VaadinSession.getCurrent().setAttribute(SignedIn.class, signedIn);
    }

    /** Drops the signed-in account from the session, for when its association no longer admits it. */
    public void forget() {
        VaadinSession.getCurrent().setAttribute(SignedIn.class, null);
    }

    /** Ends the session and sends the browser to the login page. */
    public void signOut() {
        VaadinSession session = VaadinSession.getCurrent();
        UI ui = UI.getCurrent();
        session.setAttribute(SignedIn.class, null);
        ui.getPage().setLocation("login");
        session.getSession().invalidate();
    }
}
