package org.guichet.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.env.MockEnvironment;

/** Links follow the port the default run listens on, unless an address is set (as production must). */
class AbsoluteLinksTests {

    @Test
    void withoutAnAddressLinksUseThePortTheServerStartedOn() {
        AbsoluteLinks links = new AbsoluteLinks(new AbsoluteLinks.Settings(""), new MockEnvironment());
        assertThat(links.base()).isEqualTo("http://localhost:8080");

        links.onApplicationEvent(started(9090, null));

        assertThat(links.base()).isEqualTo("http://localhost:9090");
        assertThat(links.to("/tickets/7")).isEqualTo("http://localhost:9090/tickets/7");
    }

    @Test
    void beforeTheServerStartsLinksUseTheChosenPort() {
        AbsoluteLinks links = new AbsoluteLinks(new AbsoluteLinks.Settings(null),
                new MockEnvironment().withProperty("server.port", "9090"));

        assertThat(links.base()).isEqualTo("http://localhost:9090");
    }

    @Test
    void aCertificateMakesLocalLinksSecure() {
        AbsoluteLinks links = new AbsoluteLinks(new AbsoluteLinks.Settings(""),
                new MockEnvironment().withProperty("server.ssl.key-store", "guichet.p12"));

        links.onApplicationEvent(started(8443, null));

        assertThat(links.base()).isEqualTo("https://localhost:8443");
    }

    @Test
    void theManagementServerDoesNotChangeTheLinks() {
        AbsoluteLinks links = new AbsoluteLinks(new AbsoluteLinks.Settings(" "), new MockEnvironment());
        links.onApplicationEvent(started(9090, null));

        links.onApplicationEvent(started(9091, "management"));

        assertThat(links.base()).isEqualTo("http://localhost:9090");
    }

    @Test
    void aSetAddressWinsWhateverThePort() {
        AbsoluteLinks links = new AbsoluteLinks(new AbsoluteLinks.Settings("https://tickets.example.org/"),
                new MockEnvironment().withProperty("server.port", "9090"));

        links.onApplicationEvent(started(9090, null));

        assertThat(links.base()).isEqualTo("https://tickets.example.org");
        assertThat(links.to("/tickets")).isEqualTo("https://tickets.example.org/tickets");
    }

    private static WebServerInitializedEvent started(int port, String namespace) {
        WebServer server = new WebServer() {
            @Override
            public void start() {
            }

            @Override
            public void stop() {
            }

            @Override
            public int getPort() {
                return port;
            }
        };
        class Context extends GenericApplicationContext implements WebServerApplicationContext {
            @Override
            public WebServer getWebServer() {
                return server;
            }

            @Override
            public String getServerNamespace() {
                return namespace;
            }
        }
        Context context = new Context();
        return new WebServerInitializedEvent(server) {
            @Override
            public WebServerApplicationContext getApplicationContext() {
                return context;
            }
        };
    }
}
