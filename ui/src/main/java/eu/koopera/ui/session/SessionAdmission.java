package eu.koopera.ui.session;

import eu.koopera.platform.web.ApiException;
import eu.koopera.tenancy.Admission;
import eu.koopera.tenancy.AmbientAdmission;
import eu.koopera.tenancy.TenantAdmission;
import eu.koopera.tenancy.TenantSuspendedException;
import eu.koopera.tenancy.TenantUnavailableException;
import com.vaadin.flow.server.VaadinSession;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.Optional;

/**
 * Binds the account signed in to a UI session to the work of each server round trip: the first service call of a
 * click re-admits the account through {@link TenantAdmission} (cached for seconds there), so that suspending its
 * association, disabling it, changing its roles or ending its sessions (a
 * changed password, signing out everywhere) applies at the user's next click. Views call services directly;
 * nothing wraps them. When the account is no longer admitted, the session forgets it and {@link SignedOutException}
 * ends the click, which {@link UiErrorHandler} turns into a message and the login page.
 */
@Singleton
public class SessionAdmission implements AmbientAdmission {

    private static final ThreadLocal<Boolean> RESOLVING = new ThreadLocal<>();

    private final UiSessions sessions;
    private final TenantAdmission admission;
    private final ConnectionOperations<Connection> connections;

    public SessionAdmission(UiSessions sessions, TenantAdmission admission,
                            ConnectionOperations<Connection> connections) {
        this.sessions = sessions;
        this.admission = admission;
        this.connections = connections;
    }

    @Override
    public Optional<Admission> current() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null || RESOLVING.get() != null) {
            return Optional.empty();
        }
        Optional<SignedIn> signedIn = sessions.current();
        if (signedIn.isEmpty()) {
            return Optional.empty();
        }
        Admission last = session.getAttribute(Admission.class);
        if (last != null && connections.findConnectionStatus().isPresent()) {
            return Optional.of(last); // inside a transaction of this click: admitted at its start
        }
        return Optional.of(readmit(session, signedIn.get()));
    }

    /** Admits the signed-in account again, or signs it out with the reason and throws. */
    Admission readmit(VaadinSession session, SignedIn signedIn) {
        RESOLVING.set(Boolean.TRUE);
        try {
            Admission admitted = admission.readmit(signedIn.caller(), signedIn.signedInAt());
            session.setAttribute(Admission.class, admitted);
            if (!admitted.caller().roles().equals(signedIn.caller().roles())) {
                sessions.update(signedIn.withCaller(admitted.caller()));
            }
            return admitted;
        } catch (TenantSuspendedException e) {
            throw signOut(session, "session.ended.suspended");
        } catch (TenantUnavailableException e) {
            throw signOut(session, "session.ended.unavailable");
        } catch (ApiException e) {
            throw signOut(session, "session-ended".equals(e.code()) ? "session.ended.sessions"
                    : "session.ended.account");
        } finally {
            RESOLVING.remove();
        }
    }

    private SignedOutException signOut(VaadinSession session, String reasonKey) {
        session.setAttribute(Admission.class, null);
        sessions.forget();
        return new SignedOutException(reasonKey);
    }
}
