package io.attune.core.egress;

/**
 * What one lead has agreed to, as the egress filter asks it. The consent ledger implements this over
 * its records (purpose, recipient, verbatim text, time, revocation) — e.g. {@code ledger.holds(share_chd
 * or part2_written_consent, any channel, the destination's recipient name, now)}; until then,
 * {@link #of} answers with fixed booleans. Answers are taken at the moment of the send, so that a
 * revocation recorded before it stops it.
 */
public interface EgressConsents {

    /** Nothing agreed. */
    EgressConsents NONE = of(false, false);

    /**
     * USE-02: the lead's affirmative express consent ({@code share_chd} or similar) to share their data
     * with this destination, named or by category, for this kind of flow.
     */
    boolean coversSharing(EgressTarget target);

    /**
     * SUD-01/02: a Part 2 written consent ({@code part2_written_consent}) naming this recipient (or a TPO
     * category that includes it) for a purpose that includes this use, unexpired and unrevoked, carrying
     * every element 42 CFR §2.31 asks for.
     */
    boolean coversPart2(EgressTarget target);

    /** Fixed answers, whatever the target. */
    static EgressConsents of(boolean sharing, boolean part2) {
        return new EgressConsents() {
            @Override
            public boolean coversSharing(EgressTarget target) {
                return sharing;
            }

            @Override
            public boolean coversPart2(EgressTarget target) {
                return part2;
            }

            @Override
            public String toString() {
                return "EgressConsents[sharing=" + sharing + ", part2=" + part2 + "]";
            }
        };
    }
}
