package eu.koopera.ui.layout;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import eu.koopera.platform.security.Roles;
import eu.koopera.ui.session.AllowedRoles;
import eu.koopera.ui.session.UiSessions;
import io.micronaut.context.annotation.Prototype;

/** The root address: sends each account to where its work starts. */
@Route("")
@AllowedRoles({Roles.PLATFORM_OPERATOR, Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR, Roles.MEMBER})
@Prototype
public class HomeView extends Div implements BeforeEnterObserver {

    // routes rather than classes: the layout knows no feature's views
    private static final String OPERATOR_START = "operator/tenants";
    private static final String ADMIN_START = "dashboard";
    private static final String MEMBER_START = "portal";

    private final UiSessions sessions;

    public HomeView(UiSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        sessions.current().ifPresent(signedIn -> {
            if (signedIn.caller().isOperator()) {
                event.forwardTo(OPERATOR_START);
            } else if (signedIn.hasRole(Roles.ASSOCIATION_ADMIN)) {
                event.forwardTo(ADMIN_START);
            } else {
                event.forwardTo(MEMBER_START);
            }
        });
    }
}
