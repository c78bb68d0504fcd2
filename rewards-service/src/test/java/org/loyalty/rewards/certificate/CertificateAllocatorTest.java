package org.loyalty.rewards.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.loyalty.rewards.certificate.CertificateAllocator.Allocation;
import org.loyalty.rewards.certificate.CertificateAllocator.FreeSpend;

/** The allocation rule alone: each full 200 of free spend, oldest first, backs one certificate. */
class CertificateAllocatorTest {

    private static final BigDecimal THRESHOLD = new BigDecimal("200");

    @Test
    void spendIsUsedOldestFirstAndNeverTwice() {
        List<Allocation> allocations = CertificateAllocator.allocate(List.of(
                spend("a", "150.00"), spend("b", "260.00"), spend("c", "5.00")), THRESHOLD);
        assertEquals(2, allocations.size());
        assertEquals(Map.of("a", "150.00", "b", "50.00"), cents(allocations.get(0)));
        assertEquals(Map.of("b", "200.00"), cents(allocations.get(1)));
    }

    @Test
    void lessThanTheThresholdEarnsNothing() {
        assertEquals(List.of(), CertificateAllocator.allocate(List.of(spend("a", "199.99")), THRESHOLD));
        assertEquals(List.of(), CertificateAllocator.allocate(List.of(), THRESHOLD));
    }

    @Test
    void eachFullThresholdEarnsOneUpToTheLastTenThousandth() {
        assertEquals(2, CertificateAllocator.allocate(List.of(spend("a", "400.0000")), THRESHOLD).size());
        assertEquals(1, CertificateAllocator.allocate(List.of(spend("a", "399.9999")), THRESHOLD).size());
        assertEquals(1, CertificateAllocator.allocate(
                List.of(spend("a", "200"), spend("b", "0.0001"), spend("c", "199.9998")), THRESHOLD).size());
    }

    private static Map<String, String> cents(Allocation allocation) {
        Map<String, String> byOrder = new java.util.HashMap<>();
        allocation.byOrder().forEach((order, amount) -> byOrder.put(order, amount.setScale(2).toPlainString()));
        return byOrder;
    }

    private static FreeSpend spend(String order, String amount) {
        return new FreeSpend(order, new BigDecimal(amount));
    }
}
