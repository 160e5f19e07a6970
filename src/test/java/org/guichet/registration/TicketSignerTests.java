package org.guichet.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TicketSignerTests {

    @TempDir
    Path keys;

    @Test
    void signsACompactCodeThatVerifiesToTheSameTicket() {
        TicketSigner signer = new TicketSigner("", keys.resolve("key"));
        String secret = TicketSigner.newSecret(new SecureRandom());
        String code = signer.sign(42, 7, secret);
        assertThat(code).startsWith("G1.").hasSizeLessThan(130);
        assertThat(signer.verify(code)).contains(new TicketSigner.TicketCode(42, 7, secret));
    }

    @Test
    void refusesACodeWithAnyByteChanged() {
        TicketSigner signer = new TicketSigner("", keys.resolve("key"));
        String code = signer.sign(42, 7, TicketSigner.newSecret(new SecureRandom()));
        byte[] bytes = Base64.getUrlDecoder().decode(code.substring(3));
        for (int i = 0; i < bytes.length; i++) {
            byte[] altered = bytes.clone();
            altered[i] ^= 0x01;
            String tampered = "G1." + Base64.getUrlEncoder().withoutPadding().encodeToString(altered);
            assertThat(signer.verify(tampered)).as("byte %d changed", i).isEmpty();
        }
        assertThat(signer.verify(code.substring(0, code.length() - 2))).isEmpty();
        assertThat(signer.verify("G1.not-base64!!")).isEmpty();
        assertThat(signer.verify(null)).isEmpty();
    }

    @Test
    void refusesACodeForgedWithAnotherKey() throws Exception {
        TicketSigner ours = new TicketSigner("", keys.resolve("ours"));
        TicketSigner forger = new TicketSigner("", keys.resolve("forger"));
        String forged = forger.sign(42, 7, TicketSigner.newSecret(new SecureRandom()));
        assertThat(ours.verify(forged)).isEmpty();
    }

    @Test
    void keepsItsKeyAcrossRestartsAndAcceptsAConfiguredOne() throws Exception {
        Path file = keys.resolve("kept");
        String code = new TicketSigner("", file).sign(1, 2, TicketSigner.newSecret(new SecureRandom()));
        assertThat(new TicketSigner("", file).verify(code)).isPresent();

        String configured = Base64.getEncoder().encodeToString(
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded());
        TicketSigner fromConfig = new TicketSigner(configured, keys.resolve("unused"));
        assertThat(fromConfig.verify(fromConfig.sign(3, 4, TicketSigner.newSecret(new SecureRandom())))).isPresent();
        assertThat(Files.exists(keys.resolve("unused"))).isFalse();
    }
}
