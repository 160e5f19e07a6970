package org.guichet.support;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Client addresses no other test uses, so that a test of a per-address limit starts from a full bucket whatever
 * ran before it (most of the suite sends from MockMvc's 127.0.0.1).
 */
public final class ClientAddresses {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private ClientAddresses() {
    }

    /** 10.128.0.1, 10.128.0.2, … (private addresses, outside the test trusted proxies). */
    public static String unique() {
        int n = SEQUENCE.incrementAndGet();
        return "10." + (128 + (n >> 16)) + "." + ((n >> 8) & 0xFF) + "." + (n & 0xFF);
    }
}
