package org.loyalty.profile.segment;

/** Exactly one per customer at a time (design rule 6). */
public enum Segment { PROSPECT, CORE, DEVOTED, DIFFICULT, DEAD }
