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
        this(value, count, earned, sorted(recent), true);
    }

    /** For arrays this class made itself: already sorted, and never shared. */
    private RuleTally(DecayingValue value, int count, double earned, long[] recent, boolean owned) {
        this.value = value;
        this.count = count;
        this.earned = earned;
        this.recent = recent;
    }

    private static long[] sorted(long[] times) {
        long[] copy = times.clone();
        Arrays.sort(copy);
        return copy;
    }

    static RuleTally empty() {
        return new RuleTally(DecayingValue.ZERO, 0, 0, NO_TIMES, true);
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
        long[] times = cap == null ? recent : withTime(recent, atMillis, cap.count());
        return new RuleTally(value.plus(points, atMillis, decay), count + 1, earned + points, times, true);
    }

    /** The latest {@code keep} of {@code sorted} plus {@code time}, still sorted; scoring is hot, so no sort. */
    private static long[] withTime(long[] sorted, long time, int keep) {
        int at = 0;
        while (at < sorted.length && sorted[at] <= time) {
            at++;
        }
        long[] all = new long[sorted.length + 1];
        System.arraycopy(sorted, 0, all, 0, at);
        all[at] = time;
        System.arraycopy(sorted, at, all, at + 1, sorted.length - at);
        return all.length > keep ? Arrays.copyOfRange(all, all.length - keep, all.length) : all;
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
