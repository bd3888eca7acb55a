package io.attune.bench.handoff;

import java.util.Arrays;

/**
 * A set of measured latencies, in nanoseconds, and percentiles of them by nearest rank (the p-th
 * percentile is the smallest value at least p of the samples do not exceed; no interpolation).
 * Samples that never completed are counted as longer than any measured one, so a lost hand-off can
 * only raise a percentile, never hide.
 */
final class Latencies {
    private final long[] sorted;
    private final int missing;

    private Latencies(long[] sorted, int missing) {
        this.sorted = sorted;
        this.missing = missing;
    }

    static Latencies of(long[] nanos, int missing) {
        if (missing < 0) {
            throw new IllegalArgumentException("missing samples must not be negative");
        }
        long[] copy = nanos.clone();
        Arrays.sort(copy);
        return new Latencies(copy, missing);
    }

    int count() {
        return sorted.length + missing;
    }

    int missing() {
        return missing;
    }

    /** The percentile {@code p} in (0, 100], or {@link Long#MAX_VALUE} when it falls among the missing samples. */
    long percentile(double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("a percentile is in (0, 100]; got " + p);
        }
        int n = count();
        if (n == 0) {
            throw new IllegalStateException("no samples");
        }
        int rank = (int) Math.ceil(p / 100 * n);
        return rank <= sorted.length ? sorted[rank - 1] : Long.MAX_VALUE;
    }

    long max() {
        return percentile(100);
    }

    /** Milliseconds with one decimal, or "lost" for a percentile among the missing samples. */
    static String millis(long nanos) {
        return nanos == Long.MAX_VALUE ? "lost" : String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e6);
    }

    /** "p50 12.3, p95 …, p99 …, max … ms" */
    String summary() {
        if (count() == 0) {
            return "no samples";
        }
        return "p50 " + millis(percentile(50)) + ", p95 " + millis(percentile(95)) + ", p99 " + millis(percentile(99))
                + ", max " + millis(max()) + " ms";
    }
}
