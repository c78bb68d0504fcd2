package org.loyalty.profile.customer;

/**
 * Recency, frequency and monetary scores, 1 (least) to 5 (most): quintiles of the customers
 * who bought, recomputed by the daily job (see DailyReevaluation).
 */
public record Rfm(int recency, int frequency, int monetary) {
}
