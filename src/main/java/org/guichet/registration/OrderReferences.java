package org.guichet.registration;

import java.util.random.RandomGenerator;

/** Order references people can read out at the door: GCH-XXXX-XX, without the letters and digits one confuses. */
final class OrderReferences {

    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    private OrderReferences() {
    }

    static String next(RandomGenerator random) {
        StringBuilder reference = new StringBuilder("GCH-");
        for (int i = 0; i < 6; i++) {
            if (i == 4) {
                reference.append('-');
            }
            reference.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return reference.toString();
    }
}
