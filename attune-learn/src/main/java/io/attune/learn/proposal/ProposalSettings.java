package io.attune.learn.proposal;

/**
 * How a proposal is fitted: the seed of the held-out split and of the fit, the share held out, and
 * the least support (labelled leads a rule scored for) under which a rule is left to a person.
 */
public record ProposalSettings(long seed, double heldOutShare, int minSupport) {
    /** Fewer labelled leads than this is no basis for a proposal. */
    public static final int MIN_LABELLED = 20;
    /** Each class needs this many so that the held-out part holds both. */
    public static final int MIN_PER_CLASS = 4;

    public ProposalSettings {
        if (!(heldOutShare > 0 && heldOutShare < 1)) {
            throw new IllegalArgumentException("the held-out share must be between 0 and 1, not " + heldOutShare);
        }
        if (minSupport < 1) {
            throw new IllegalArgumentException("the least support must be at least 1, not " + minSupport);
        }
    }

    public static ProposalSettings withSeed(long seed) {
        return new ProposalSettings(seed, 0.3, 5);
    }
}
