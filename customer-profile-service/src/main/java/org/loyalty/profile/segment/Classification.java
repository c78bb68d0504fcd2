package org.loyalty.profile.segment;

import java.util.List;

/** A segment with the reasons a person can read, and whether the customer bought more than once. */
public record Classification(Segment segment, List<String> reasons, boolean repeatBuyer) {
}
