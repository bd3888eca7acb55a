package io.attune.core.scoring;

import io.attune.core.model.Cap;
import io.attune.core.model.Decay;
import java.util.Arrays;

/**
 * What one engagement rule has earned for one lead: its current value (decaying), how often it
 * scored, the points earned in all, and the times of its latest scoring occurrences (as many as
 * the rule's cap counts), which is what a sliding-window cap needs.
 */
public final class RuleTally {
    private static final long[] NO_TIMES = new long[0];

    private final DecayingValue value;
    private final int count;
    private final double earned;
    private final long[] recent;

    public RuleTally(DecayingValue value, int count, double earned, long[] recent) {
        this.value = value;
        this.count = count;
        this.earned = earned;
        this.recent = recent.clone();
        Arrays.sort(this.recent);
    }

    static RuleTally empty() {
        return new RuleTally(DecayingValue.ZERO, 0, 0, NO_TIMES);
    }

    public DecayingValue value() {
        return value;
    }

    public int count() {
        return count;
    }

    public double earned() {
        return earned;
    }

    public long[] recent() {
        return recent.clone();
    }

    /** Whether one more occurrence at {@code atMillis} would exceed the cap in some window. */
    boolean capped(Cap cap, long atMillis) {
        if (recent.length < cap.count()) {
            return false;
        }
        long earliest = Math.min(atMillis, recent[0]);
        long latest = Math.max(atMillis, recent[recent.length - 1]);
        return latest - earliest < cap.per().toMillis();
    }

    RuleTally scored(double points, long atMillis, Decay decay, Cap cap) {
        long[] times = recent;
        if (cap != null) {
            times = Arrays.copyOf(recent, recent.length + 1);
            times[recent.length] = atMillis;
            Arrays.sort(times);
            if (times.length > cap.count()) {
                times = Arrays.copyOfRange(times, times.length - cap.count(), times.length);
            }
        }
        return new RuleTally(value.plus(points, atMillis, decay), count + 1, earned + points, times);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RuleTally that && value.equals(that.value) && count == that.count
                && Double.compare(earned, that.earned) == 0 && Arrays.equals(recent, that.recent);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * value.hashCode() + count) + Arrays.hashCode(recent);
    }

    @Override
    public String toString() {
        return "RuleTally[value=" + value + ", count=" + count + ", earned=" + earned + "]";
    }
}
