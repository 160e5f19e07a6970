package org.guichet.registration;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;

/**
 * Java 17 has no call that turns an Ed25519 private key into its public key, but its key generator makes the
 * pair from 32 random bytes that are the private key: handing it those bytes as its "randomness" gives the pair.
 */
final class Ed25519PublicKeys {

    private Ed25519PublicKeys() {
    }

    static PublicKey derive(PrivateKey privateKey) throws GeneralSecurityException {
        byte[] seed = ((EdECPrivateKey) privateKey).getBytes()
                .orElseThrow(() -> new GeneralSecurityException("The private key does not expose its bytes"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(255, new FixedBytes(seed));
        return generator.generateKeyPair().getPublic();
    }

    private static final class FixedBytes extends SecureRandom {

        private final byte[] bytes;

        FixedBytes(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public void nextBytes(byte[] target) {
            System.arraycopy(bytes, 0, target, 0, Math.min(bytes.length, target.length));
        }
    }
}
