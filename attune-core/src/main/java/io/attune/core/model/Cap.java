package io.attune.core.model;

import java.time.Duration;
import java.util.Objects;

/** At most {@code count} scoring occurrences of a rule in any sliding window of length {@code per}. */
public record Cap(int count, Duration per) {
    public static final int MAX_COUNT = 100;

    public Cap {
        Objects.requireNonNull(per, "per");
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("a cap's count must be between 1 and " + MAX_COUNT);
        }
        if (per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("a cap's window must be positive");
        }
    }
}
