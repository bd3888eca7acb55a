package io.attune.core.handoff;

import java.time.Duration;

/**
 * When to try a failed delivery again: exponential back-off from {@code first}, capped at {@code max},
 * with full jitter so that many failed messages do not all return at once. The random draw is
 * passed in, so the policy itself stays deterministic.
 */
public record RetryPolicy(Duration first, Duration max) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5));

    public RetryPolicy {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("back-off must start positive and not exceed its cap");
        }
    }

    /**
     * The wait after the {@code attempt}-th failure, for a {@code draw} in [0, 1): between half and
     * all of {@code first × 2^(attempt − 1)}, capped.
     */
    public Duration after(int attempt, double draw) {
        long base = first.toMillis() << Math.min(attempt - 1, 30);
        long capped = Math.min(base, max.toMillis());
        return Duration.ofMillis(capped / 2 + (long) (capped / 2.0 * Math.max(0, Math.min(draw, 1))));
    }
}
