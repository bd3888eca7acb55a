package io.attune.store.ingest;

import java.time.Duration;

/**
 * How the single writer batches: at most {@code queueCapacity} events wait (more is refused with
 * a retry hint), at most {@code maxGroupEvents} go into one transaction, and {@code leadCache}
 * leads per workspace are remembered between transactions. A model activation replays leads on
 * {@code rescoreThreads} threads beside the writer's (one per core unless told otherwise).
 */
public record WriterSettings(int queueCapacity, int maxGroupEvents, int leadCache, Duration retryAfter,
        int rescoreThreads) {
    public static final WriterSettings DEFAULTS = new WriterSettings(100_000, 10_000, 100_000, Duration.ofSeconds(1));

    /** Settings that replay on one thread per core. */
    public WriterSettings(int queueCapacity, int maxGroupEvents, int leadCache, Duration retryAfter) {
        this(queueCapacity, maxGroupEvents, leadCache, retryAfter, Runtime.getRuntime().availableProcessors());
    }

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
        if (rescoreThreads < 1) {
            throw new IllegalArgumentException("rescoreThreads must be positive");
        }
    }

    /** These settings, replaying a model activation's leads on {@code threads} threads. */
    public WriterSettings withRescoreThreads(int threads) {
        return new WriterSettings(queueCapacity, maxGroupEvents, leadCache, retryAfter, threads);
    }
}
