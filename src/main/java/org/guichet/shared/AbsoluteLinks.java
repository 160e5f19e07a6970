package org.guichet.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The one place absolute links (mails, calendar files, the private link, API views) start from: {@code
 * guichet.base-url} when it is set (production requires it), otherwise {@code http://localhost:<port>} with the
 * port the application actually listens on (https when {@code server.ssl.*} gives it a certificate), so the default
 * run's links work on any {@code server.port}.
 */
@Component
@EnableConfigurationProperties(AbsoluteLinks.Settings.class)
public class AbsoluteLinks implements ApplicationListener<WebServerInitializedEvent> {

    /** {@code guichet.base-url}: the address people reach Guichet at, without a trailing slash; empty: local. */
    @ConfigurationProperties("guichet")
    public record Settings(String baseUrl) {
    }

    private final String configured;
    private final String scheme;
    private volatile String base;

    AbsoluteLinks(Settings settings, Environment environment) {
        this.configured = configured(settings.baseUrl());
        this.scheme = environment.getProperty("server.ssl.enabled", Boolean.class, true)
                && (environment.containsProperty("server.ssl.key-store")
                        || environment.containsProperty("server.ssl.bundle")) ? "https" : "http";
        this.base = this.configured != null ? this.configured
                : local(environment.getProperty("server.port", Integer.class, 8080));
    }

    /** The base URL without a trailing slash, e.g. {@code https://tickets.example.org}. */
    public String base() {
        return base;
    }

    /** An absolute link to a path of Guichet, e.g. {@code to("/tickets")}. */
    public String to(String path) {
        return base + path;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        // The management server (if any) has its own namespace; links lead to the application's pages.
        if (event.getApplicationContext().getServerNamespace() == null) {
            serverStarted(event.getWebServer().getPort());
        }
    }

    void serverStarted(int port) {
        if (configured == null && port > 0) {
            base = local(port);
        }
    }

    private static String configured(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            return null;
        }
        String trimmed = baseUrl.strip();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    private String local(int port) {
        return scheme + "://localhost:" + port;
    }
}
