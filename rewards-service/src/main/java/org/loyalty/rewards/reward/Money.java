package org.loyalty.rewards.reward;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** An amount as the contract writes it: a decimal string with two places, and its ISO 4217 currency. */
public record Money(String amount, String currency) {

    public static Money of(BigDecimal amount, String currency) {
        return new Money(amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString(), currency);
    }

    @Override
    public String toString() {
        return amount + " " + currency;
    }
}
