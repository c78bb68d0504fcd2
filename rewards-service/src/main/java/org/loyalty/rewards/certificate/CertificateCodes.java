package org.loyalty.rewards.certificate;

import jakarta.enterprise.context.ApplicationScoped;

import org.loyalty.kit.codes.ReadableCodes;

/**
 * Gift certificate codes: 20 symbols of a 32-letter alphabet (no 0/O or 1/I to misread) from
 * a SecureRandom, i.e. 100 bits of randomness and no sequence, written GC-XXXXX-XXXXX-XXXXX-XXXXX.
 */
@ApplicationScoped
public class CertificateCodes {

    private final ReadableCodes codes = new ReadableCodes("GC", 4, 5);

    public String next() {
        return codes.next();
    }
}
