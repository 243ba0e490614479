package eu.koopera.platform.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
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

    public ClientAddresses(ProxySettings proxy) {
        this.proxy = proxy;
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
}
