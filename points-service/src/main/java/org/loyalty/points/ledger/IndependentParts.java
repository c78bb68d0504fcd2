package org.loyalty.points.ledger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.loyalty.points.ledger.CheckoutEvent.PurchaseRefunded;

/**
 * Splits a poll's events into parts that share no customer, order or refund, so that each part can
 * be applied in a transaction of its own, at the same time as the others, and no two of them read
 * or write the same account, order or refund row. Events that share any of these keys, directly or
 * through other events, stay in one part and in their order; the parts are filled largest group
 * first, each group into the part with the fewest events so far. Pure logic.
 */
final class IndependentParts {

    private IndependentParts() {
    }

    /** At most {@code parts} non-empty parts, each in the events' order (one part when they cannot be split). */
    static List<List<CheckoutEvent>> split(List<CheckoutEvent> events, int parts) {
        if (parts <= 1 || events.size() < 2) {
            return List.of(events);
        }
        List<List<Integer>> groups = connectedGroups(events);
        groups.sort(Comparator.comparingInt((List<Integer> group) -> group.size()).reversed());
        List<List<Integer>> filled = new ArrayList<>();
        for (int i = 0; i < Math.min(parts, groups.size()); i++) {
            filled.add(new ArrayList<>());
        }
        for (List<Integer> group : groups) {
            filled.stream().min(Comparator.comparingInt(List::size)).orElseThrow().addAll(group);
        }
        return filled.stream().map(indexes -> indexes.stream().sorted().map(events::get).toList()).toList();
    }

    /** The events' indexes, grouped so that events sharing a key are in one group (union-find). */
    private static List<List<Integer>> connectedGroups(List<CheckoutEvent> events) {
        int[] parent = new int[events.size()];
        // One map per kind of key, so that no key string is built per event.
        Map<String, Integer> firstOfCustomer = new HashMap<>();
        Map<String, Integer> firstOfOrder = new HashMap<>();
        Map<String, Integer> firstOfRefund = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            parent[i] = i;
            CheckoutEvent event = events.get(i);
            join(parent, i, firstOfCustomer.putIfAbsent(event.customerId(), i));
            join(parent, i, firstOfOrder.putIfAbsent(event.orderId(), i));
            if (event instanceof PurchaseRefunded refund) {
                join(parent, i, firstOfRefund.putIfAbsent(refund.refundId(), i));
            }
        }
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            groups.computeIfAbsent(root(parent, i), root -> new ArrayList<>()).add(i);
        }
        return new ArrayList<>(groups.values());
    }

    /** Puts event {@code i} in the group of the first event with the same key, if there was one. */
    private static void join(int[] parent, int i, Integer firstWithKey) {
        if (firstWithKey != null) {
            parent[root(parent, i)] = root(parent, firstWithKey);
        }
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
