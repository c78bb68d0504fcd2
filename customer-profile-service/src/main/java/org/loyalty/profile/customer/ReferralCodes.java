package org.loyalty.profile.customer;

import java.security.SecureRandom;

import jakarta.enterprise.context.ApplicationScoped;

/** Referral codes a customer can share: R- and 10 symbols of an unambiguous alphabet (50 random bits). */
@ApplicationScoped
public class ReferralCodes {

    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final SecureRandom random = new SecureRandom();

    public String next() {
        StringBuilder code = new StringBuilder("R-");
        for (int i = 0; i < 10; i++) {
            code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }
}
