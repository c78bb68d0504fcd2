package org.loyalty.rewards.certificate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.loyalty.rewards.certificate.CertificateAllocator.Allocation;
import org.loyalty.rewards.certificate.CertificateAllocator.FreeSpend;

/**
 * Replays a batch of new purchases against the free spend of their customers as if they had
 * arrived one at a time: each purchase sees the spend recorded before the batch and the
 * purchases of the batch before it, within the window ending at its own time, and what a
 * certificate uses up is gone for the purchases after it.
 */
final class FreeSpendReplay {

    /** A certificate earned by a customer, with the spend behind it. */
    record Earned(String customerId, Allocation allocation) {
    }

    private static final class Spend {
        final String orderId;
        final Instant placedAt;
        BigDecimal free;

        Spend(String orderId, Instant placedAt, BigDecimal free) {
            this.orderId = orderId;
            this.placedAt = placedAt;
            this.free = free;
        }
    }

    private static final Comparator<Spend> OLDEST_FIRST = Comparator.comparing((Spend s) -> s.placedAt).thenComparing(s -> s.orderId);

    private final BigDecimal threshold;
    private final int windowMonths;
    private final Map<String, Spend> byOrder = new HashMap<>();
    private final Map<String, Spend> notYetArrived = new HashMap<>();
    private final Map<String, List<Spend>> visibleByCustomer = new HashMap<>();

    FreeSpendReplay(BigDecimal threshold, int windowMonths) {
        this.threshold = threshold;
        this.windowMonths = windowMonths;
    }

    /** Free spend of an order; one of the batch's own purchases becomes visible when the replay reaches it. */
    void add(String customerId, String orderId, Instant placedAt, BigDecimal free, boolean inBatch) {
        Spend spend = new Spend(orderId, placedAt, free);
        byOrder.put(orderId, spend);
        if (inBatch) {
            notYetArrived.put(orderId, spend);
        } else {
            visibleByCustomer.computeIfAbsent(customerId, id -> new ArrayList<>()).add(spend);
        }
    }

    /** The certificates the purchases earn, in their order. */
    List<Earned> replay(List<GiftCertificates.NewPurchase> purchases) {
        List<Earned> earned = new ArrayList<>();
        for (GiftCertificates.NewPurchase purchase : purchases) {
            List<Spend> visible = visibleByCustomer.computeIfAbsent(purchase.customerId(), id -> new ArrayList<>());
            Spend own = notYetArrived.remove(purchase.orderId());
            if (own != null) {
                visible.add(own);
            }
            for (Allocation allocation : CertificateAllocator.allocate(window(visible, purchase.placedAt()), threshold)) {
                allocation.byOrder().forEach((orderId, amount) -> byOrder.get(orderId).free = byOrder.get(orderId).free.subtract(amount));
                earned.add(new Earned(purchase.customerId(), allocation));
            }
        }
        return earned;
    }

    private List<FreeSpend> window(List<Spend> visible, Instant end) {
        Instant start = start(end, windowMonths);
        return visible.stream()
                .filter(s -> s.placedAt.isAfter(start) && !s.placedAt.isAfter(end) && s.free.signum() > 0)
                .sorted(OLDEST_FIRST)
                .map(s -> new FreeSpend(s.orderId, s.free))
                .toList();
    }

    static Instant start(Instant end, int windowMonths) {
        return end.atOffset(ZoneOffset.UTC).minusMonths(windowMonths).toInstant();
    }
}
