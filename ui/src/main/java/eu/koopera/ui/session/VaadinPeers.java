package eu.koopera.ui.session;

import com.vaadin.flow.server.VaadinRequest;
import eu.koopera.platform.web.ClientAddresses;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Tells the backend the peer of the UI request being served, so audit entries written from the UI carry it. */
@Singleton
class VaadinPeers implements ClientAddresses.PeerSource {

    @Override
    public Optional<ClientAddresses.Peer> current() {
        VaadinRequest request = VaadinRequest.getCurrent();
        return request == null ? Optional.empty()
                : Optional.of(new ClientAddresses.Peer(request.getRemoteAddr(), request.getHeader("X-Forwarded-For")));
    }
}
