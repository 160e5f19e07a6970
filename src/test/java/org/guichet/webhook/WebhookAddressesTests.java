package org.guichet.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.guichet.shared.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The address rules: which addresses count as internal, and where they are refused (saving, and each attempt). */
class WebhookAddressesTests {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "0.0.0.0", "0.1.2.3", "10.0.0.1", "172.16.0.1", "172.31.255.255",
            "192.168.1.1", "169.254.169.254", "169.254.0.1", "100.64.0.1", "100.127.255.255", "224.0.0.1",
            "239.255.255.250", "255.255.255.255", "::", "::1", "fe80::1", "fc00::1", "fd00:ec2::254", "ff02::1",
            "::ffff:127.0.0.1", "::ffff:10.1.2.3", "::ffff:169.254.169.254", "::127.0.0.1", "64:ff9b::a00:1",
            "2002:7f00:1::", "2130706433", "127.1", "10.1"})
    void internalAddressesAreRecognised(String literal) throws UnknownHostException {
        assertThat(InternalAddresses.isInternal(InetAddress.getByName(literal))).as(literal).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "172.15.255.255", "100.63.255.255",
            "100.128.0.1", "192.169.0.1", "169.255.0.1", "2606:4700:4700::1111", "2001:db8::1",
            "::ffff:93.184.216.34", "64:ff9b::808:808", "2002:808:808::"})
    void publicAddressesAreNot(String literal) throws UnknownHostException {
        assertThat(InternalAddresses.isInternal(InetAddress.getByName(literal))).as(literal).isFalse();
    }

    @Test
    void savingRefusesHttpWhenHttpsIsRequired() {
        WebhookAddresses rules = new WebhookAddresses(true, false, resolvingTo("93.184.216.34"));
        assertThat(refusal(rules, "http://hooks.example.com/in")).isEqualTo("webhook.error.https");
        assertThat(rules.acceptable("https://hooks.example.com/in").getHost()).isEqualTo("hooks.example.com");
    }

    @Test
    void savingRefusesANameThatResolvesToAPrivateAddress() {
        assertThat(refusal(new WebhookAddresses(true, false, resolvingTo("93.184.216.34", "10.0.0.7")),
                "https://mixed.example.com/in")).isEqualTo("webhook.error.internalAddress");
        assertThat(refusal(new WebhookAddresses(true, false, HostResolver.SYSTEM), "https://127.0.0.1/in"))
                .isEqualTo("webhook.error.internalAddress");
        assertThat(refusal(new WebhookAddresses(true, false, HostResolver.SYSTEM), "https://[::1]:8443/in"))
                .isEqualTo("webhook.error.internalAddress");
        assertThat(refusal(new WebhookAddresses(true, false, HostResolver.SYSTEM), "https://2130706433/in"))
                .isEqualTo("webhook.error.internalAddress");
        // not literals to Java: the system resolver reads them as 127.0.0.1, or finds no such name; refused either way
        for (String tricky : new String[] {"https://0x7f000001/in", "https://017700000001/in"}) {
            assertThat(refusal(new WebhookAddresses(true, false, HostResolver.SYSTEM), tricky)).as(tricky)
                    .isIn("webhook.error.internalAddress", "webhook.error.unknownHost");
        }
        assertThat(refusal(new WebhookAddresses(true, false, host -> {
            throw new UnknownHostException(host);
        }), "https://nowhere.example.com/")).isEqualTo("webhook.error.unknownHost");
    }

    @Test
    void savingRefusesWhatIsNoWebAddress() {
        WebhookAddresses rules = new WebhookAddresses(false, true, resolvingTo("93.184.216.34"));
        for (String url : new String[] {"", "hooks.example.com", "ftp://hooks.example.com/", "https://user:pw@hooks.example.com/",
                "https:///path", "https://hooks.example.com/#part", "javascript:alert(1)"}) {
            assertThat(refusal(rules, url)).as(url).isEqualTo("webhook.error.url");
        }
    }

    @Test
    void whereAllowedLoopbackAndHttpPassWithoutAnyLookup() {
        AtomicInteger lookups = new AtomicInteger();
        WebhookAddresses rules = new WebhookAddresses(false, true, host -> {
            lookups.incrementAndGet();
            return new InetAddress[] {InetAddress.getLoopbackAddress()};
        });
        assertThat(rules.acceptable("http://localhost:8081/hook").getPort()).isEqualTo(8081);
        assertThat(lookups).hasValue(0);
    }

    /** A name that was public when saved and points to this machine by the time of the attempt is not posted to. */
    @Test
    void aNameRepointedToLoopbackAfterSavingIsRefusedAtDelivery() throws Exception {
        AtomicReference<String> answer = new AtomicReference<>("93.184.216.34");
        WebhookAddresses rules = new WebhookAddresses(false, false, resolvingTo(answer));
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String url = receiver.url().replace("127.0.0.1", "rebound.example.com");
            rules.acceptable(url);
            answer.set("127.0.0.1");
            WebhookTransport transport = new WebhookTransport(rules, new WebhookSettings(null, false, false, null, null,
                    null, null, null));
            WebhookTransport.Attempt attempt = transport.post(url, "id-1", "{}", "whsec_x", Instant.now());
            assertThat(attempt.succeeded()).isFalse();
            assertThat(attempt.statusCode()).isNull();
            assertThat(attempt.error()).startsWith("address refused").contains("127.0.0.1");
            assertThat(receiver.requests()).isEmpty();
        }
    }

    private static String refusal(WebhookAddresses rules, String url) {
        try {
            rules.acceptable(url);
        } catch (Refusal refused) {
            assertThat(refused.field()).isEqualTo("url");
            return refused.messageKey();
        }
        assertThatThrownBy(() -> { }).as("%s should be refused", url).isNotNull();
        return null;
    }

    private static HostResolver resolvingTo(String... literals) {
        return host -> {
            InetAddress[] addresses = new InetAddress[literals.length];
            for (int i = 0; i < literals.length; i++) {
                addresses[i] = InetAddress.getByAddress(host, InetAddress.getByName(literals[i]).getAddress());
            }
            return addresses;
        };
    }

    private static HostResolver resolvingTo(AtomicReference<String> literal) {
        return host -> new InetAddress[] {InetAddress.getByAddress(host, InetAddress.getByName(literal.get())
                .getAddress())};
    }
}
