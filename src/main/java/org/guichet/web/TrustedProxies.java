package org.guichet.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The proxies whose forwarded headers are believed: addresses or CIDR ranges, IPv4 or IPv6. Only IP literals are
 * read, never host names, so no check ever asks DNS.
 */
final class TrustedProxies {

    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");

    private record Range(byte[] network, int prefix) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = ranges;
    }

    /** Comma-separated, as {@code GUICHET_TRUSTED_PROXIES} is written; a value that is not an address fails start. */
    static TrustedProxies parse(List<String> entries) {
        return new TrustedProxies(entries.stream()
                .flatMap(entry -> Arrays.stream(entry.split(",")))
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .map(TrustedProxies::range)
                .toList());
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    boolean trusts(String address) {
        byte[] bytes = bytes(address);
        return bytes != null && ranges.stream().anyMatch(range -> range.contains(bytes));
    }

    /** The address as an IP literal ({@code 203.0.113.7}, {@code 2001:db8::1}), or {@code null}. */
    static byte[] bytes(String address) {
        if (address == null || !(IPV4.matcher(address).matches() || IPV6.matcher(address).matches())) {
            return null;
        }
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException notAnAddress) {
            return null;
        }
    }

    static boolean isAddress(String address) {
        return bytes(address) != null;
    }

    private static Range range(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        byte[] network = bytes(address);
        if (network == null) {
            throw new IllegalArgumentException("Not an address or CIDR range in GUICHET_TRUSTED_PROXIES: " + entry);
        }
        int prefix = network.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException notANumber) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("Bad prefix length in GUICHET_TRUSTED_PROXIES: " + entry);
            }
        }
        return new Range(network, prefix);
    }
}
