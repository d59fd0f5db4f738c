package net.mittoapi.sms.internal.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * The rule for a plain-http base URL: the API key travels with every call, so plain {@code http} is accepted only
 * for a host that is loopback by itself, and such a client can reach nothing but that host.
 *
 * <p><b>Loopback by itself</b> means decided here and never by a resolver: a literal IPv4 address in
 * {@code 127.0.0.0/8} in canonical dotted decimal, the IPv6 loopback {@code ::1} (which {@link HttpUrl} has already
 * put in canonical form, whatever its spelling), or exactly {@code localhost}. Anything else, however loopback it
 * looks ({@code 127.0.0.999}, {@code 127.000.000.001}, {@code localhost.}, {@code evil.localhost},
 * {@code 2130706433}), is a name that a resolver or a hosts entry could send to a remote address.
 *
 * <p><b>Pinned.</b> For such a URL the client resolves the host itself ({@link #pinnedDns}): {@code localhost} is
 * 127.0.0.1 and ::1, never asked of the system's or the application's resolver, and any other host is refused (a
 * redirect is never followed anyway); and it bypasses any proxy. So the key never leaves the machine in clear. For
 * {@code https}, the resolver and proxy of an injected {@code OkHttpClient} stay in force.
 */
public final class LoopbackPolicy {

    private static final byte[] IPV4_LOOPBACK = {127, 0, 0, 1};
    private static final byte[] IPV6_LOOPBACK = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};

    private LoopbackPolicy() {
    }

    /**
     * @param url a parsed base URL
     * @return whether it may carry the key: {@code https}, or plain {@code http} to a host that is loopback by itself
     */
    public static boolean permits(HttpUrl url) {
        return url.isHttps() || loopbackAddresses(url.host()) != null;
    }

    /**
     * Pins the resolution of a plain-http base URL's host: OkHttp asks this instead of the system's or the
     * application's resolver, so that a hosts entry or a resolver cannot send the key in clear to another machine.
     * The resolver is a value: two clients on the same host get equal resolvers, which lets them share pooled
     * connections (OkHttp reuses a connection only for an equal resolver).
     *
     * @param baseUrl a base URL that {@link #permits(HttpUrl)}
     * @return {@code null} for {@code https}, where the resolver in force stays; for plain {@code http}, a resolver
     *         that knows only the base URL's host
     */
    public static @Nullable Dns pinnedDns(HttpUrl baseUrl) {
        if (baseUrl.isHttps()) {
            return null;
        }
        List<InetAddress> addresses = Objects.requireNonNull(loopbackAddresses(baseUrl.host()),
                "a plain-http base URL that is not loopback by itself was let through");
        return new PinnedDns(baseUrl.host(), addresses);
    }

    /**
     * @param host the host of a parsed URL
     * @return the addresses a plain-http host stands for: the address itself for a literal loopback address,
     *         127.0.0.1 and ::1 for exactly {@code localhost}; {@code null} when the host is not loopback by itself
     */
    static @Nullable List<InetAddress> loopbackAddresses(String host) {
        try {
            if (host.equals("localhost")) {
                return List.of(InetAddress.getByAddress("localhost", IPV4_LOOPBACK),
                        InetAddress.getByAddress("localhost", IPV6_LOOPBACK));
            }
            if (host.equals("::1")) {
                return List.of(InetAddress.getByAddress(host, IPV6_LOOPBACK));
            }
            byte[] ipv4 = canonicalIpv4(host);
            return ipv4 != null && ipv4[0] == 127 ? List.of(InetAddress.getByAddress(host, ipv4)) : null;
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible); // getByAddress fails only for a bad length
        }
    }

    /** @return the four octets of {@code a.b.c.d} in canonical dotted decimal (0-255, no leading zero), else null */
    private static byte @Nullable [] canonicalIpv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] octets = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
                return null;
            }
            int value = 0;
            for (int j = 0; j < part.length(); j++) {
                char c = part.charAt(j);
                if (c < '0' || c > '9') {
                    return null;
                }
                value = value * 10 + (c - '0');
            }
            if (value > 255) {
                return null;
            }
            octets[i] = (byte) value;
        }
        return octets;
    }

    /** Resolves one host to fixed loopback addresses and refuses every other. Equal for equal hosts. */
    private record PinnedDns(String baseHost, List<InetAddress> addresses) implements Dns {
        @Override
        public List<InetAddress> lookup(String host) throws UnknownHostException {
            if (host.equals(baseHost)) {
                return addresses;
            }
            throw new UnknownHostException(host + " is not the loopback host of the client's plain-http baseUrl ("
                    + baseHost + "); such a client calls nothing else");
        }
    }
}
