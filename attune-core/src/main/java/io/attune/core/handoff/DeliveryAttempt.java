package io.attune.core.handoff;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** One try at delivering a message: when, how long it took, what the receiver answered, or why it failed. */
public record DeliveryAttempt(String messageId, int attempt, Instant at, Outcome outcome, OptionalInt status,
        long latencyMillis, Optional<String> error) {

    /** How an attempt ended. */
    public enum Outcome {
        /** The receiver answered 2xx. */
        DELIVERED,
        /** The receiver answered something else. */
        REJECTED,
        /** No answer in time. */
        TIMED_OUT,
        /** No connection (refused, unreachable, TLS). */
        UNREACHABLE
    }

    public DeliveryAttempt {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(error, "error");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1");
        }
    }
}
