package eu.koopera.ui.session;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import eu.koopera.accounts.ui.LoginView;
import jakarta.inject.Singleton;

/**
 * Checks every navigation, whatever URL was typed: a visitor who is not signed in goes to the login page, an account
 * without the view's role gets "access denied", and the users of a suspended association are signed out.
 */
@Singleton
public class NavigationGuard implements VaadinServiceInitListener {

    private final UiSessions sessions;
    private final AccessRules rules;

    public NavigationGuard(UiSessions sessions, AccessRules rules) {
        this.sessions = sessions;
        this.rules = rules;
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
        var signedIn = sessions.current();
        if (signedIn.isEmpty()) {
            event.forwardTo(LoginView.class);
            return;
        }
        if (!rules.tenantAdmits(signedIn.get())) {
            sessions.forget();
            event.forwardTo(LoginView.class);
            return;
        }
        if (!rules.mayOpen(signedIn.get(), target)) {
            event.rerouteToError(new AccessDeniedException(event.getLocation().getPath()), "");
        }
    }
}
