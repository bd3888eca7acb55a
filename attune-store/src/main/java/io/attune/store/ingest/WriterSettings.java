package io.attune.store.ingest;

import java.time.Duration;

/**
 * How the single writer batches: at most {@code queueCapacity} events wait (more is refused with
 * a retry hint), at most {@code maxGroupEvents} go into one transaction, and {@code leadCache}
 * leads per workspace are remembered between transactions.
 */
public record WriterSettings(int queueCapacity, int maxGroupEvents, int leadCache, Duration retryAfter) {
    public static final WriterSettings DEFAULTS = new WriterSettings(100_000, 10_000, 100_000, Duration.ofSeconds(1));

    public WriterSettings {
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be positive");
        }
        if (maxGroupEvents < 1) {
            throw new IllegalArgumentException("maxGroupEvents must be positive");
        }
        if (leadCache < 1) {
            throw new IllegalArgumentException("leadCache must be positive");
        }
        if (retryAfter.isNegative() || retryAfter.isZero()) {
            throw new IllegalArgumentException("retryAfter must be positive");
        }
    }
}
