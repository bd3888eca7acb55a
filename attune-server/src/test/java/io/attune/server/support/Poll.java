package io.attune.server.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for what the server does in the background (the writer, the dispatcher, a job) by reading it
 * again until it is done. What ends the wait is the state read, never the clock: the bound only turns a
 * hang into a failure that says what was last seen.
 */
public final class Poll {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final long PAUSE_MILLIS = 20;

    private Poll() {
    }

    /** The first value {@code read} gives that is {@code done}; fails naming {@code what} and the last value. */
    public static <T> T until(Supplier<T> read, Predicate<T> done, String what) {
        Instant giveUp = Instant.now().plus(PATIENCE);
        T seen = read.get();
        while (!done.test(seen)) {
            if (!Instant.now().isBefore(giveUp)) {
                throw new AssertionError(what + " never happened; last seen " + seen);
            }
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
            seen = read.get();
        }
        return seen;
    }
}
