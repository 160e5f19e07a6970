package org.guichet.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

import org.guichet.shared.Refusal;

/**
 * Where a webhook may post: an absolute {@code https://} address (or {@code http://} where {@code require-https} is
 * off), no user name or password in it, and a host that resolves to no {@link InternalAddresses internal} address
 * (unless {@code allow-private-addresses}). Checked when the endpoint is saved, and again right before each
 * attempt connects, since a name can be pointed elsewhere after it was saved.
 */
class WebhookAddresses {

    static final int MAX_URL = 2000;

    private final boolean requireHttps;
    private final boolean allowPrivate;
    private final HostResolver resolver;

    WebhookAddresses(boolean requireHttps, boolean allowPrivate, HostResolver resolver) {
        this.requireHttps = requireHttps;
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** Refused, at the {@code url} field, when it is not an address webhooks may post to. */
    URI acceptable(String url) {
        URI uri = parse(url).orElseThrow(() -> Refusal.at("url", "webhook.error.url"));
        if (requireHttps && !"https".equals(uri.getScheme().toLowerCase(Locale.ROOT))) {
            throw Refusal.at("url", "webhook.error.https");
        }
        try {
            checkHost(uri.getHost());
        } catch (UnknownHostException e) {
            throw Refusal.at("url", "webhook.error.unknownHost", uri.getHost());
        } catch (Unreachable e) {
            throw Refusal.at("url", "webhook.error.internalAddress", uri.getHost());
        }
        return uri;
    }

    /** Right before connecting: the same rules, the name resolved again. */
    void checkBeforeConnecting(URI uri) throws UnknownHostException, Unreachable {
        if (requireHttps && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw new Unreachable("not https: " + uri.getScheme());
        }
        checkHost(uri.getHost());
    }

    private void checkHost(String host) throws UnknownHostException, Unreachable {
        if (allowPrivate) {
            return;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        for (InetAddress address : resolver.resolve(bare)) {
            if (InternalAddresses.isInternal(address)) {
                throw new Unreachable(host + " resolves to an internal address (" + address.getHostAddress() + ")");
            }
        }
    }

    private static java.util.Optional<URI> parse(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL) {
            return java.util.Optional.empty();
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
                    || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(uri);
        } catch (URISyntaxException e) {
            return java.util.Optional.empty();
        }
    }

    /** An address webhooks may not reach. */
    static class Unreachable extends Exception {
        Unreachable(String message) {
            super(message);
        }
    }
}
