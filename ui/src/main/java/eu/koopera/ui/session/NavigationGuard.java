package eu.koopera.ui.session;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.inject.Singleton;

/**
 * Checks every navigation, whatever URL was typed: a visitor who is not signed in goes to the login page, an account
 * without the view's role (as the account has it now) gets "access denied", and an account its association no
 * longer admits is signed out with the reason.
 */
@Singleton
public class NavigationGuard implements VaadinServiceInitListener {

    private final UiSessions sessions;
    private final AccessRules rules;
    private final SessionAdmission admission;

    public NavigationGuard(UiSessions sessions, AccessRules rules, SessionAdmission admission) {
        this.sessions = sessions;
        this.rules = rules;
        this.admission = admission;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::check));
    }

    void check(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        if (rules.isPublic(target)) {
            return;
        }
        if (sessions.current().isEmpty()) {
            event.forwardTo(UiErrorHandler.LOGIN_ROUTE);
            return;
        }
        try {
            admission.current();
        } catch (SignedOutException signedOut) {
            UiErrorHandler.notifySignedOut(event.getUI(), signedOut);
            event.forwardTo(UiErrorHandler.LOGIN_ROUTE);
            return;
        }
        var signedIn = sessions.current();
        if (signedIn.isEmpty() || !rules.mayOpen(signedIn.get(), target)) {
            event.rerouteToError(new AccessDeniedException(event.getLocation().getPath()), "");
        }
    }
}
