package org.guichet.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Turns a host name into its addresses: the system's resolver, or a fixed answer in tests. */
@FunctionalInterface
interface HostResolver {

    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
