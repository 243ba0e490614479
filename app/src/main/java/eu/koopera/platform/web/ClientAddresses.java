package eu.koopera.platform.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The address a request comes from, as abuse limits count it: the TCP peer, or behind a trusted proxy
 * ({@link ProxySettings#forwardedFor()}) the last {@code X-Forwarded-For} entry. IPv6 addresses are reduced to
 * their /64 network, since anyone holding one network can use any of its 2^64 addresses.
 */
@Singleton
public class ClientAddresses {

    /** What an address that cannot be told, or is not an IP literal, counts as. */
    public static final String UNKNOWN = "unknown";

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*]?");

    private final ProxySettings proxy;
    private final List<PeerSource> peers;

    public ClientAddresses(ProxySettings proxy, List<PeerSource> peers) {
        this.proxy = proxy;
        this.peers = List.copyOf(peers);
    }

    /**
     * The client address of the request the current work serves: the API request bound to this thread, else the
     * first {@link PeerSource} that knows one (the UI's), else empty for work no request started (jobs, startup).
     */
    public Optional<String> current() {
        Optional<HttpRequest<Object>> request = ServerRequestContext.currentRequest();
        if (request.isPresent()) {
            return Optional.of(of(request.get()));
        }
        return peers.stream().map(PeerSource::current).flatMap(Optional::stream).findFirst()
                .map(peer -> of(peer.remoteAddress(), peer.forwardedFor()));
    }

    /** The client address of an API request. */
    public String of(HttpRequest<?> request) {
        return of(request.getRemoteAddress().getAddress() == null ? null
                : request.getRemoteAddress().getAddress().getHostAddress(),
                request.getHeaders().get("X-Forwarded-For"));
    }

    /**
     * The client address from the peer's address and the {@code X-Forwarded-For} header, for entry points that
     * are not Micronaut requests (the UI).
     */
    public String of(@Nullable String remoteAddress, @Nullable String forwardedFor) {
        if (proxy.forwardedFor() && forwardedFor != null && !forwardedFor.isBlank()) {
            String[] hops = forwardedFor.split(",");
            return normalise(hops[hops.length - 1].strip());
        }
        return remoteAddress == null ? UNKNOWN : normalise(remoteAddress.strip());
    }

    private static String normalise(String address) {
        // only literals reach InetAddress, so that no header can make it resolve a host name
        if (IPV4.matcher(address).matches()) {
            return address;
        }
        if (address.length() > 64 || !IPV6.matcher(address).matches()) {
            return UNKNOWN;
        }
        try {
            InetAddress parsed = InetAddress.getByName(address.replace("[", "").replace("]", ""));
            if (parsed instanceof Inet6Address) {
                byte[] network = Arrays.copyOf(parsed.getAddress(), 16);
                Arrays.fill(network, 8, 16, (byte) 0);
                return InetAddress.getByAddress(network).getHostAddress() + "/64";
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException e) {
            return UNKNOWN;
        }
    }

    /** Where an entry point that is not a Micronaut request (the UI) tells the peer of the request it serves. */
    public interface PeerSource {

        /** The peer of the request this thread serves, if any. */
        Optional<Peer> current();
    }

    /**
     * A request's peer as received.
     *
     * @param remoteAddress the TCP peer's address
     * @param forwardedFor  the {@code X-Forwarded-For} header, if sent
     */
    public record Peer(@Nullable String remoteAddress, @Nullable String forwardedFor) {
    }
}
