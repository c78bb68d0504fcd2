package org.loyalty.rewards.certificate;

import java.security.SecureRandom;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Gift certificate codes: 20 symbols of a 32-letter alphabet (no 0/O or 1/I to misread) from
 * a SecureRandom, i.e. 100 bits of randomness and no sequence, written GC-XXXXX-XXXXX-XXXXX-XXXXX.
 */
@ApplicationScoped
public class CertificateCodes {

    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int GROUPS = 4;
    private static final int GROUP_LENGTH = 5;

    private final SecureRandom random = new SecureRandom();

    public String next() {
        StringBuilder code = new StringBuilder("GC");
        for (int group = 0; group < GROUPS; group++) {
            code.append('-');
            for (int i = 0; i < GROUP_LENGTH; i++) {
                code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
            }
        }
        return code.toString();
    }
}
