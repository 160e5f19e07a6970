package org.guichet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ForwardedHeadersFilterTests {

    private final ForwardedHeadersFilter filter = new ForwardedHeadersFilter(
            TrustedProxies.parse(List.of("192.0.2.10, 198.51.100.0/24", "2001:db8:1::/48")));

    /** What the application sees: client address, scheme, host, port, URL. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // case                                | from          | header            | value                                               | address      | scheme | host            | port | url
            "untrusted client's own headers        | 203.0.113.5   | X-Forwarded-For   | 10.0.0.1                                            | 203.0.113.5  | http   | localhost       | 80   | http://localhost/account",
            "untrusted X-Forwarded-Host            | 203.0.113.5   | X-Forwarded-Host  | evil.example                                        | 203.0.113.5  | http   | localhost       | 80   | http://localhost/account",
            "untrusted Forwarded                   | 203.0.113.5   | Forwarded         | for=10.0.0.1;proto=https;host=evil.example          | 203.0.113.5  | http   | localhost       | 80   | http://localhost/account",
            "private address is not trusted        | 10.1.2.3      | X-Forwarded-For   | 203.0.113.77                                        | 10.1.2.3     | http   | localhost       | 80   | http://localhost/account",
            "trusted proxy names the client        | 192.0.2.10    | X-Forwarded-For   | 203.0.113.5                                         | 203.0.113.5  | http   | localhost       | 80   | http://localhost/account",
            "spoofed left part ignored             | 192.0.2.10    | X-Forwarded-For   | 1.2.3.4, 203.0.113.5                                | 203.0.113.5  | http   | localhost       | 80   | http://localhost/account",
            "two trusted proxies                   | 198.51.100.7  | X-Forwarded-For   | 1.2.3.4, 203.0.113.5, 192.0.2.10                    | 203.0.113.5  | http   | localhost       | 80   | http://localhost/account",
            "all trusted: the leftmost             | 198.51.100.7  | X-Forwarded-For   | 192.0.2.10                                          | 192.0.2.10   | http   | localhost       | 80   | http://localhost/account",
            "garbage hop stops the walk            | 192.0.2.10    | X-Forwarded-For   | 203.0.113.5, unknown                                | 192.0.2.10   | http   | localhost       | 80   | http://localhost/account",
            "port on the address                   | 192.0.2.10    | X-Forwarded-For   | 203.0.113.5:4711                                    | 203.0.113.5  | http   | localhost       | 80   | http://localhost/account",
            "RFC 7239 with proto and host          | 192.0.2.10    | Forwarded         | for=203.0.113.5;proto=https;host=guichet.example    | 203.0.113.5  | https  | guichet.example | 443  | https://guichet.example/account",
            "RFC 7239 IPv6 client                  | 192.0.2.10    | Forwarded         | for=\"[2001:db8::7]:4711\";proto=https              | 2001:db8::7  | https  | localhost       | 443  | https://localhost/account",
            "RFC 7239 chain, spoofed first element | 192.0.2.10    | Forwarded         | for=1.2.3.4;host=evil.example, for=203.0.113.5;host=guichet.example | 203.0.113.5 | http | guichet.example | 80 | http://guichet.example/account",
            "IPv6 trusted range                    | 2001:db8:1::2 | X-Forwarded-For   | 203.0.113.5                                         | 203.0.113.5  | http   | localhost       | 80   | http://localhost/account"})
    void resolvesTheClientOnlyThroughTrustedProxies(String description, String from, String header, String value,
            String address, String scheme, String host, int port, String url) throws Exception {
        MockHttpServletRequest request = request(from);
        request.addHeader(header, value);
        HttpServletRequest seen = filtered(request);
        assertThat(seen.getRemoteAddr()).isEqualTo(address);
        assertThat(seen.getScheme()).isEqualTo(scheme);
        assertThat(seen.isSecure()).isEqualTo("https".equals(scheme));
        assertThat(seen.getServerName()).isEqualTo(host);
        assertThat(seen.getServerPort()).isEqualTo(port);
        assertThat(seen.getRequestURL()).hasToString(url);
        assertThat(seen.getHeader(header)).as("forwarded headers are hidden from the rest").isNull();
    }

    @Test
    void readsProtoHostAndPortFromATrustedProxysXForwardedHeaders() throws Exception {
        MockHttpServletRequest request = request("192.0.2.10");
        request.addHeader("X-Forwarded-For", "203.0.113.5");
        request.addHeader("X-Forwarded-Proto", "https");
        request.addHeader("X-Forwarded-Host", "guichet.example");
        request.addHeader("X-Forwarded-Port", "8443");
        HttpServletRequest seen = filtered(request);
        assertThat(seen.getRequestURL()).hasToString("https://guichet.example:8443/account");
        assertThat(seen.getHeaderNames().asIterator()).toIterable().doesNotContain("X-Forwarded-Host");
    }

    @Test
    void keepsTheConnectionsOwnSecurityWhenNothingIsForwarded() throws Exception {
        MockHttpServletRequest request = request("203.0.113.5");
        request.setSecure(true);
        request.addHeader("X-Forwarded-Proto", "http");
        assertThat(filtered(request).isSecure()).isTrue();
    }

    @Test
    void refusesToStartWithSomethingThatIsNotAnAddress() {
        assertThatThrownBy(() -> TrustedProxies.parse(List.of("proxy.example"))).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustedProxies.parse(List.of("10.0.0.0/33"))).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustedProxies.parse(List.of("300.1.1.1"))).isInstanceOf(
                IllegalArgumentException.class);
        assertThat(TrustedProxies.parse(List.of()).isEmpty()).isTrue();
        assertThat(TrustedProxies.parse(List.of("")).trusts("127.0.0.1")).isFalse();
    }

    private static MockHttpServletRequest request(String from) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/account");
        request.setRemoteAddr(from);
        return request;
    }

    private HttpServletRequest filtered(MockHttpServletRequest request) throws Exception {
        AtomicReference<ServletRequest> seen = new AtomicReference<>();
        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> seen.set(req));
        return (HttpServletRequest) seen.get();
    }
}
