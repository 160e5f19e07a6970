package org.guichet.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who the client is, and which address it asked for, when Guichet runs behind proxies. {@code Forwarded} and
 * {@code X-Forwarded-For/-Proto/-Host/-Port} are believed only from a trusted proxy ({@code GUICHET_TRUSTED_PROXIES});
 * the client is then the nearest address in the chain that is not a trusted proxy (a client can put anything on
 * the left of the chain, never on the right). From anyone else the headers are dropped, so nothing further in
 * (the rate limits, Spring Security's redirects, the session cookie) ever reads them.
 */
class ForwardedHeadersFilter extends OncePerRequestFilter {

    private static final Set<String> FORWARDED_HEADERS = Set.of("forwarded", "x-forwarded-for", "x-forwarded-proto",
            "x-forwarded-host", "x-forwarded-port", "x-forwarded-prefix", "x-forwarded-ssl");
    private static final Pattern HOST = Pattern.compile("([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(:\\d{1,5})?");

    private final TrustedProxies trusted;

    ForwardedHeadersFilter(TrustedProxies trusted) {
        this.trusted = trusted;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ForwardedRequest forwarded = new ForwardedRequest(request);
        if (trusted.trusts(request.getRemoteAddr())) {
            forwarded.apply(request, trusted);
        }
        chain.doFilter(forwarded, response);
    }

    /** The request as the client made it; forwarded headers hidden either way. */
    static final class ForwardedRequest extends HttpServletRequestWrapper {

        private String remoteAddr;
        private String scheme;
        private boolean secure;
        private String serverName;
        private int serverPort;

        ForwardedRequest(HttpServletRequest request) {
            super(request);
            this.remoteAddr = request.getRemoteAddr();
            this.scheme = request.getScheme();
            this.secure = request.isSecure();
            this.serverName = request.getServerName();
            this.serverPort = request.getServerPort();
        }

        void apply(HttpServletRequest request, TrustedProxies trusted) {
            List<Hop> hops = hops(request);
            int client = hops.size();
            for (int i = hops.size() - 1; i >= 0; i--) {
                String address = hops.get(i).address();
                if (!TrustedProxies.isAddress(address)) {
                    break;
                }
                remoteAddr = address;
                client = i;
                if (!trusted.trusts(address)) {
                    break;
                }
            }
            Hop origin = hops.isEmpty() ? Hop.NONE : hops.get(Math.min(client, hops.size() - 1));
            String proto = origin.proto();
            String host = origin.host();
            String port = origin.port();
            if (proto != null && (proto.equalsIgnoreCase("http") || proto.equalsIgnoreCase("https"))) {
                scheme = proto.toLowerCase(Locale.ROOT);
                secure = "https".equals(scheme);
            } else {
                proto = null;
            }
            int explicitPort = -1;
            if (host != null && HOST.matcher(host).matches()) {
                int colon = host.lastIndexOf(':');
                if (colon > host.lastIndexOf(']')) {
                    explicitPort = Integer.parseInt(host.substring(colon + 1));
                    host = host.substring(0, colon);
                }
                serverName = host;
            } else {
                host = null;
            }
            if (port != null && port.matches("\\d{1,5}")) {
                explicitPort = Integer.parseInt(port);
            }
            if (explicitPort > 0 && explicitPort <= 65535) {
                serverPort = explicitPort;
            } else if (host != null || proto != null) {
                serverPort = "https".equals(scheme) ? 443 : 80;
            }
        }

        /** One step of the chain: the address a proxy received the request from, and what that request was. */
        private record Hop(String address, String proto, String host, String port) {
            static final Hop NONE = new Hop(null, null, null, null);
        }

        /**
         * The chain from the client to the nearest proxy, from {@code Forwarded} if present, else from
         * {@code X-Forwarded-*}: a proto, host or port list as long as the address list is read step by step,
         * a single value (what a proxy that overwrites sends) belongs to every step.
         */
        private static List<Hop> hops(HttpServletRequest request) {
            List<String> forwarded = values(request, "Forwarded");
            List<Hop> hops = new ArrayList<>();
            if (!forwarded.isEmpty()) {
                for (String element : forwarded) {
                    String address = null;
                    String proto = null;
                    String host = null;
                    for (String pair : element.split(";")) {
                        int equals = pair.indexOf('=');
                        if (equals < 0) {
                            continue;
                        }
                        String name = pair.substring(0, equals).strip().toLowerCase(Locale.ROOT);
                        String value = unquote(pair.substring(equals + 1).strip());
                        switch (name) {
                            case "for" -> address = address(value);
                            case "proto" -> proto = value;
                            case "host" -> host = value;
                            default -> { }
                        }
                    }
                    hops.add(new Hop(address, proto, host, null));
                }
                return hops;
            }
            List<String> addresses = values(request, "X-Forwarded-For");
            List<String> protos = values(request, "X-Forwarded-Proto");
            List<String> hosts = values(request, "X-Forwarded-Host");
            List<String> ports = values(request, "X-Forwarded-Port");
            int steps = Math.max(addresses.size(), 1);
            for (int i = 0; i < steps; i++) {
                hops.add(new Hop(i < addresses.size() ? address(addresses.get(i)) : null, step(protos, i, steps),
                        step(hosts, i, steps), step(ports, i, steps)));
            }
            return hops;
        }

        private static String step(List<String> values, int index, int steps) {
            if (values.isEmpty()) {
                return null;
            }
            return values.size() == steps ? values.get(index) : values.get(values.size() - 1);
        }

        /** Every comma-separated value of every occurrence of the header, in order. */
        private static List<String> values(HttpServletRequest request, String header) {
            List<String> values = new ArrayList<>();
            Enumeration<String> headers = request.getHeaders(header);
            while (headers != null && headers.hasMoreElements()) {
                for (String value : headers.nextElement().split(",")) {
                    if (!value.isBlank()) {
                        values.add(value.strip());
                    }
                }
            }
            return values;
        }

        private static String unquote(String value) {
            return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                    ? value.substring(1, value.length() - 1) : value;
        }

        /** {@code 203.0.113.7}, {@code 203.0.113.7:4711}, {@code [2001:db8::1]:4711}, {@code 2001:db8::1}. */
        private static String address(String value) {
            if (value.startsWith("[")) {
                int end = value.indexOf(']');
                return end < 0 ? value : value.substring(1, end);
            }
            int colon = value.indexOf(':');
            return colon > 0 && colon == value.lastIndexOf(':') ? value.substring(0, colon) : value;
        }

        @Override
        public String getRemoteAddr() {
            return remoteAddr;
        }

        @Override
        public String getRemoteHost() {
            return remoteAddr;
        }

        @Override
        public String getScheme() {
            return scheme;
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getServerName() {
            return serverName;
        }

        @Override
        public int getServerPort() {
            return serverPort;
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = new StringBuffer(scheme).append("://").append(serverName);
            boolean defaultPort = ("https".equals(scheme) && serverPort == 443)
                    || ("http".equals(scheme) && serverPort == 80);
            if (!defaultPort && serverPort > 0) {
                url.append(':').append(serverPort);
            }
            return url.append(getRequestURI());
        }

        @Override
        public String getHeader(String name) {
            return hidden(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = Collections.list(super.getHeaderNames());
            names.removeIf(ForwardedRequest::hidden);
            return Collections.enumeration(names);
        }

        @Override
        public long getDateHeader(String name) {
            return hidden(name) ? -1 : super.getDateHeader(name);
        }

        @Override
        public int getIntHeader(String name) {
            return hidden(name) ? -1 : super.getIntHeader(name);
        }

        private static boolean hidden(String name) {
            return name != null && FORWARDED_HEADERS.contains(name.toLowerCase(Locale.ROOT));
        }
    }
}
