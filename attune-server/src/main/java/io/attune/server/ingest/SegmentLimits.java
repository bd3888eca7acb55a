package io.attune.server.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The bounds the Segment parser enforces. {@link #DEFAULT} holds Segment's own documented limits
 * (32 KB per message, 500 KB per batch request, 2,500 messages per batch) and Attune's choices for
 * nesting depth and the plausible range of event times.
 *
 * @param maxMessageBytes     the largest single message, in bytes of its JSON text (a single-endpoint
 *                            body, or one element of a batch)
 * @param maxBatchBytes       the largest batch body, in bytes after any gzip inflation
 * @param maxMessagesPerBatch the most messages one batch may hold
 * @param maxDepth            the most levels of objects and arrays in one message, counting the message
 *                            object itself as level 1
 * @param maxFutureSkew       how far after its receipt an event time may lie
 * @param earliestTimestamp   the earliest event time accepted
 */
public record SegmentLimits(
        int maxMessageBytes, int maxBatchBytes, int maxMessagesPerBatch, int maxDepth,
        Duration maxFutureSkew, Instant earliestTimestamp) {

    public static final SegmentLimits DEFAULT = new SegmentLimits(
            32 * 1024, 500 * 1024, 2_500, 32, Duration.ofHours(24), Instant.parse("2000-01-01T00:00:00Z"));

    public SegmentLimits {
        Objects.requireNonNull(maxFutureSkew, "maxFutureSkew");
        Objects.requireNonNull(earliestTimestamp, "earliestTimestamp");
        requireArgument(maxMessageBytes > 0, "the message size limit must be positive");
        requireArgument(maxBatchBytes >= maxMessageBytes, "the batch size limit must be at least the message size limit");
        requireArgument(maxMessagesPerBatch > 0, "the batch must be allowed at least one message");
        requireArgument(maxDepth >= 2, "the nesting depth limit must be at least 2 (a message and its properties)");
        requireArgument(!maxFutureSkew.isNegative(), "the future skew allowance must not be negative");
    }

    private static void requireArgument(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
