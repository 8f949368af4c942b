package io.fieldsales.gateway.domain;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Which address a request comes from, and the key its per-IP budgets are counted under.
 *
 * <p>Behind trusted proxies each proxy appends the address it received the request from to
 * {@code X-Forwarded-For}, so only the right-hand entries were written by us: the client is the right-most entry that
 * is not one of our proxies (the left-hand ones are whatever the client sent). When the peer itself is not a trusted
 * proxy the header is ignored. IP literals only: nothing here ever resolves a name.
 */
public final class ClientAddresses {

    /** A client whose address cannot be read (a malformed entry written by a misconfigured proxy). */
    public static final String UNKNOWN = "unknown";

    private final boolean behindProxy;
    private final List<IpSubnetFilterRule> trusted;

    private ClientAddresses(boolean behindProxy, List<IpSubnetFilterRule> trusted) {
        this.behindProxy = behindProxy;
        this.trusted = trusted;
    }

    /**
     * @param trustedProxies addresses ({@code 10.0.0.7}, {@code ::1}) or CIDR ranges ({@code 10.0.0.0/8},
     *                       {@code fc00::/7}) of the proxies in front of the gateway
     * @throws IllegalArgumentException on an entry that is neither
     */
    public static ClientAddresses of(boolean behindProxy, List<String> trustedProxies) {
        List<IpSubnetFilterRule> rules = new ArrayList<>();
        for (String entry : trustedProxies) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            int slash = e.indexOf('/');
            InetAddress address = parse(slash < 0 ? e : e.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("not an IP address or CIDR range: " + e);
            }
            int bits = address instanceof Inet6Address ? 128 : 32;
            int prefix;
            try {
                prefix = slash < 0 ? bits : Integer.parseInt(e.substring(slash + 1));
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("not an IP address or CIDR range: " + e);
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("prefix out of range: " + e);
            }
            rules.add(new IpSubnetFilterRule(address, prefix, IpFilterRuleType.ACCEPT));
        }
        return new ClientAddresses(behindProxy, List.copyOf(rules));
    }

    /**
     * The client of a request from {@code peer} carrying these {@code X-Forwarded-For} header values (in order):
     * the peer unless we are behind a proxy and the peer is a trusted one; else the right-most entry that is not a
     * trusted proxy; if every entry is a trusted proxy, the left-most.
     */
    public String client(String peer, List<String> forwardedFor) {
        InetAddress peerAddress = parse(peer);
        if (!behindProxy || peerAddress == null || !isTrusted(peerAddress) || forwardedFor == null
                || forwardedFor.isEmpty()) {
            return peerAddress == null ? (peer == null ? UNKNOWN : peer) : NetUtil.toAddressString(peerAddress);
        }
        List<String> entries = new ArrayList<>();
        for (String value : forwardedFor) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    entries.add(part.strip());
                }
            }
        }
        if (entries.isEmpty()) {
            return NetUtil.toAddressString(peerAddress);
        }
        for (int i = entries.size() - 1; i >= 0; i--) {
            InetAddress hop = parse(withoutPort(entries.get(i)));
            if (hop == null) {
                return UNKNOWN;
            }
            if (!isTrusted(hop) || i == 0) {
                return NetUtil.toAddressString(hop);
            }
        }
        return UNKNOWN;
    }

    public boolean isTrusted(InetAddress address) {
        InetSocketAddress socket = new InetSocketAddress(address, 0);
        for (IpSubnetFilterRule rule : trusted) {
            if (rule.matches(socket)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The key per-IP budgets count under: an IPv4 address as is, an IPv6 address's /64 (one subscriber's network
     * hands out a /64 or more, so per-address budgets would be 2^64 budgets), anything else as given.
     */
    public static String rateLimitKey(String ip) {
        InetAddress address = parse(ip);
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            for (int i = 8; i < 16; i++) {
                bytes[i] = 0;
            }
            return NetUtil.bytesToIpAddress(bytes) + "/64";
        }
        return address == null ? (ip == null ? UNKNOWN : ip) : NetUtil.toAddressString(address);
    }

    /** An IP literal (IPv4, IPv6 with or without brackets, IPv4-mapped IPv6 as IPv4), or null; never DNS. */
    static InetAddress parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        int zone = t.indexOf('%');
        if (zone >= 0) {
            t = t.substring(0, zone);
        }
        InetAddress address = NetUtil.createInetAddressFromIpAddressString(t);
        if (address instanceof Inet6Address v6 && isIpv4Mapped(v6.getAddress())) {
            byte[] b = v6.getAddress();
            return NetUtil.createInetAddressFromIpAddressString((b[12] & 0xff) + "." + (b[13] & 0xff) + "."
                    + (b[14] & 0xff) + "." + (b[15] & 0xff));
        }
        return address;
    }

    private static boolean isIpv4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    /** {@code 1.2.3.4:5678} and {@code [2001:db8::1]:443} without the port (some proxies write one). */
    private static String withoutPort(String entry) {
        if (entry.startsWith("[")) {
            int end = entry.indexOf(']');
            return end > 0 ? entry.substring(1, end) : entry;
        }
        int colon = entry.indexOf(':');
        if (colon > 0 && colon == entry.lastIndexOf(':') && entry.indexOf('.') > 0) {
            return entry.substring(0, colon);
        }
        return entry;
    }
}
