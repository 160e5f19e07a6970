package org.guichet.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Addresses no webhook may reach, so an endpoint cannot make Guichet probe its own network: unspecified, loopback,
 * private (10/8, 172.16/12, 192.168/16, fc00::/7), shared (100.64/10), link-local (169.254/16, where the cloud
 * metadata service lives, and fe80::/10), multicast, broadcast, "this network" (0/8), and IPv6 forms that carry
 * an IPv4 address (IPv4-mapped, which Java reads as IPv4; IPv4-compatible; NAT64 64:ff9b::/96; 6to4 2002::/16), judged
 * by the IPv4 address inside. Decimal, octal and hexadecimal spellings are resolved to the address first.
 */
final class InternalAddresses {

    private InternalAddresses() {
    }

    static boolean isInternal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return isInternalV4(bytes);
        }
        if (address instanceof Inet6Address) {
            if ((bytes[0] & 0xfe) == 0xfc) {
                return true;
            }
            if (embedsV4(bytes, 0, 12, new byte[12])) {
                return isInternalV4(slice(bytes, 12));
            }
            if (embedsV4(bytes, 0, 12, new byte[] {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0})) {
                return isInternalV4(slice(bytes, 12));
            }
            if (bytes[0] == 0x20 && bytes[1] == 0x02) {
                return isInternalV4(slice(bytes, 2));
            }
        }
        return false;
    }

    private static boolean isInternalV4(byte[] bytes) {
        int a = bytes[0] & 0xff;
        int b = bytes[1] & 0xff;
        try {
            InetAddress v4 = InetAddress.getByAddress(bytes);
            if (v4.isAnyLocalAddress() || v4.isLoopbackAddress() || v4.isLinkLocalAddress() || v4.isSiteLocalAddress()
                    || v4.isMulticastAddress()) {
                return true;
            }
        } catch (java.net.UnknownHostException e) {
            return true;
        }
        return a == 0 || a == 127 || a == 10 || (a == 100 && b >= 64 && b <= 127) || (a == 169 && b == 254)
                || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168) || a >= 224;
    }

    private static boolean embedsV4(byte[] bytes, int from, int length, byte[] prefix) {
        for (int i = 0; i < length; i++) {
            if (bytes[from + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] slice(byte[] bytes, int from) {
        return new byte[] {bytes[from], bytes[from + 1], bytes[from + 2], bytes[from + 3]};
    }
}
