package org.loyalty.profile.customer;

import jakarta.enterprise.context.ApplicationScoped;

import org.loyalty.kit.codes.ReadableCodes;

/** Referral codes a customer can share: R- and 10 symbols of an unambiguous alphabet (50 random bits). */
@ApplicationScoped
public class ReferralCodes {

    private final ReadableCodes codes = new ReadableCodes("R", 1, 10);

    public String next() {
        return codes.next();
    }
}
