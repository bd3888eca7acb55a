package io.attune.core.lifecycle;

import java.time.Duration;
import java.util.Objects;

/**
 * How a workspace recycles: a recycled lead keeps {@code recycleFraction} of its engagement, and
 * can qualify again only after {@code quietPeriod}.
 */
public record LifecyclePolicy(double recycleFraction, Duration quietPeriod) {
    public static final LifecyclePolicy DEFAULT = new LifecyclePolicy(0.25, Duration.ofDays(30));

    public LifecyclePolicy {
        Objects.requireNonNull(quietPeriod, "quietPeriod");
        if (!(recycleFraction >= 0 && recycleFraction <= 1)) {
            throw new IllegalArgumentException("recycleFraction must be between 0 and 1");
        }
        if (quietPeriod.isNegative() || quietPeriod.compareTo(Duration.ofDays(3650)) > 0) {
            throw new IllegalArgumentException("the quiet period must be between 0 and 3650 days");
        }
    }
}
