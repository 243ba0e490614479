package eu.koopera.ui.session;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.inject.Singleton;

/**
 * The session-wide error handler: a click whose account is no longer admitted shows why and returns to the login
 * page; anything else is logged by Vaadin's default handler.
 */
@Singleton
public class UiErrorHandler implements ErrorHandler, VaadinServiceInitListener {

    /** The login page's route; a string, so that the session layer knows no feature's view. */
    public static final String LOGIN_ROUTE = "login";

    private final ErrorHandler fallback = new DefaultErrorHandler();

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        Throwable cause = event.getThrowable();
        while (cause != null && !(cause instanceof SignedOutException)) {
            cause = cause.getCause();
        }
        UI ui = UI.getCurrent();
        if (cause instanceof SignedOutException signedOut && ui != null) {
            notifySignedOut(ui, signedOut);
            ui.navigate(LOGIN_ROUTE);
            return;
        }
        fallback.error(event);
    }

    /** Tells the user why their session ended. */
    public static void notifySignedOut(UI ui, SignedOutException signedOut) {
        Notification notification = Notification.show(ui.getTranslation(signedOut.reasonKey()), 8_000,
                Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.setId("signed-out");
    }
}
