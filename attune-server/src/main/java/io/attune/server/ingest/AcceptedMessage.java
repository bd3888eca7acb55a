package io.attune.server.ingest;

import io.attune.core.event.Event;
import java.util.Objects;

/**
 * One message that passed every check.
 *
 * @param index              its position in the batch, 0 for a single-endpoint body
 * @param event              the validated core event
 * @param extras             what the message said that the event does not carry, to be stored beside it:
 *                           canonical JSON (keys sorted, no whitespace) of its other top-level fields —
 *                           fields Attune does not know ({@code integrations}, {@code _metadata}…) and the
 *                           clock readings as sent ({@code timestamp}, {@code originalTimestamp},
 *                           {@code sentAt}, the batch's folded in). {@code writeKey} is never kept. The
 *                           event and its extras together hold everything the sender sent.
 * @param messageIdGenerated whether the sender sent no {@code messageId} and the parser derived one
 */
public record AcceptedMessage(int index, Event event, String extras, boolean messageIdGenerated) {
    public AcceptedMessage {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(extras, "extras");
    }
}
