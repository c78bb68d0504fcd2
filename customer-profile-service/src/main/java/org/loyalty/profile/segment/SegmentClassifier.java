package org.loyalty.profile.segment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.loyalty.profile.ProfileConfig;

/**
 * Design rule 6 as a pure function: the first rule that holds decides, in the order DEAD
 * (gives the least), DIFFICULT, DEVOTED, CORE, PROSPECT, and every rule that put the customer
 * there is given as a reason.
 */
@ApplicationScoped
public class SegmentClassifier {

    private final ProfileConfig config;

    public SegmentClassifier(ProfileConfig config) {
        this.config = config;
    }

    public Classification classify(CustomerFacts facts, Instant now) {
        boolean repeatBuyer = facts.purchases() > 1;
        List<String> dead = deadReasons(facts, now);
        if (!dead.isEmpty()) {
            return new Classification(Segment.DEAD, dead, repeatBuyer);
        }
        if (facts.purchases() == 0) {
            return new Classification(Segment.PROSPECT, List.of("Registered, no purchase yet"), false);
        }
        List<String> difficult = difficultReasons(facts);
        if (!difficult.isEmpty()) {
            return new Classification(Segment.DIFFICULT, difficult, repeatBuyer);
        }
        String buys = plural(facts.purchases(), "purchase") + ", pays on time, no repeated complaints";
        if (facts.referralsBought() >= config.devoted().referrals()) {
            return new Classification(Segment.DEVOTED, List.of(buys,
                    "Brought " + plural(facts.referralsBought(), "referred customer") + " who bought"), repeatBuyer);
        }
        return new Classification(Segment.CORE, List.of(buys), repeatBuyer);
    }

    private List<String> deadReasons(CustomerFacts facts, Instant now) {
        List<String> reasons = new ArrayList<>();
        Instant inactiveSince = now.atOffset(ZoneOffset.UTC).minusMonths(config.dead().inactiveMonths()).toInstant();
        if (facts.lastPurchaseAt() != null && facts.lastPurchaseAt().isBefore(inactiveSince)) {
            reasons.add("No purchase since " + LocalDate.ofInstant(facts.lastPurchaseAt(), ZoneOffset.UTC)
                    + " (" + config.dead().inactiveMonths() + " months or more)");
        }
        if (facts.oldestOverdueDueAt() != null) {
            long days = Duration.between(facts.oldestOverdueDueAt(), now).toDays();
            if (days > config.dead().overdueDebtDays()) {
                reasons.add("Debt of " + facts.overdueDebt().stripTrailingZeros().toPlainString() + " overdue for " + days + " days");
            }
        }
        return reasons;
    }

    private List<String> difficultReasons(CustomerFacts facts) {
        List<String> reasons = new ArrayList<>();
        int months = config.difficult().windowMonths();
        if (facts.complaintsInWindow() >= config.difficult().complaints()) {
            reasons.add(plural(facts.complaintsInWindow(), "complaint") + " in the last " + months + " months");
        }
        if (facts.lateInvoicesInWindow() >= config.difficult().lateInvoices()) {
            reasons.add(plural(facts.lateInvoicesInWindow(), "late invoice") + " in the last " + months + " months");
        }
        return reasons;
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
