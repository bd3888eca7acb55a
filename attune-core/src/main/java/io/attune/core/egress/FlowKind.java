package io.attune.core.egress;

/** What is being sent. */
public enum FlowKind {
    /** A lead's move (lead.mql, lead.sql…) handed to a destination. */
    HAND_OFF,
    /** One tracked event (page view, track call, conversion) relayed to a destination. */
    EVENT,
    /** A list of leads uploaded as an audience (custom audience, customer match, lookalike seed, suppression). */
    AUDIENCE_EXPORT
}
