package io.attune.core.model;

import java.time.Duration;

/**
 * Continuous decay of engagement: a contribution worth {@code p} at time {@code t0} is worth
 * {@code p × (1 − q)^((t − t0) / 91.31 days)} at {@code t}, where {@code q} is the decay per quarter.
 */
public final class Decay {
    public static final double DEFAULT_PER_QUARTER = 0.25;
    public static final double MAX_PER_QUARTER = 0.9;
    public static final Duration QUARTER = Duration.ofSeconds(Math.round(91.31 * 24 * 3600));

    private final double perQuarter;
    /** ln(1 − q) per millisecond; zero when nothing decays. */
    private final double ratePerMilli;

    public Decay(double perQuarter) {
        if (!(perQuarter >= 0 && perQuarter <= MAX_PER_QUARTER)) {
            throw new IllegalArgumentException("decay per quarter must be between 0 and " + MAX_PER_QUARTER);
        }
        this.perQuarter = perQuarter;
        this.ratePerMilli = Math.log1p(-perQuarter) / QUARTER.toMillis();
    }

    public double perQuarter() {
        return perQuarter;
    }

    /** ln(1 − q) per second: stores use it to apply decay inside a query. */
    public double ratePerSecond() {
        return ratePerMilli * 1000.0;
    }

    /** The factor a value shrinks by from {@code fromMillis} to {@code toMillis}; 1 when {@code to} is not later. */
    public double factor(long fromMillis, long toMillis) {
        if (toMillis <= fromMillis || ratePerMilli == 0) {
            return 1.0;
        }
        return Math.exp(ratePerMilli * (toMillis - fromMillis));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Decay that && Double.compare(perQuarter, that.perQuarter) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(perQuarter);
    }

    @Override
    public String toString() {
        return "Decay[" + perQuarter + " per quarter]";
    }
}
