package io.attune.core.handoff;

import java.time.Instant;
import java.util.Objects;

/**
 * One hand-off to one destination, written to the outbox in the transaction that made the move.
 * {@code id} is stable for good: it is the webhook id the receiver dedupes on, across retries and
 * restarts. Messages of one {@code subject} (a lead) are delivered to a destination in order.
 */
public record OutboundMessage(String id, DestinationId destination, String subject, HandOffType type, Instant at,
        HandOffData data) {

    public OutboundMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(data, "data");
    }
}
