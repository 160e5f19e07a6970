package org.guichet.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** One GreenMail SMTP server for the whole test JVM, on 3025 or the system property {@code guichet.test.smtp-port}. */
public final class TestMailServer {

    private static final ServerSetup SMTP = new ServerSetup(
            Integer.getInteger("guichet.test.smtp-port", 3025), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    private static GreenMail server;

    private TestMailServer() {
    }

    public static synchronized GreenMail get() {
        if (server == null) {
            server = start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop()));
        }
        return server;
    }

    /** SMTP goes down until {@link #restart()}. */
    public static synchronized void stop() {
        get().stop();
    }

    public static synchronized void restart() {
        server = start();
    }

    private static GreenMail start() {
        GreenMail greenMail = new GreenMail(SMTP);
        greenMail.start();
        return greenMail;
    }
}
