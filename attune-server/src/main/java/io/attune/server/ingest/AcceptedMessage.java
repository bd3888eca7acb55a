package io.attune.server.ingest;

import io.attune.core.event.Event;
import java.util.Objects;

/**
 * One message that passed every check.
 *
 * @param index              its position in the batch, 0 for a single-endpoint body
 * @param event              the validated core event
 * @param payload            the message to persist as the original payload: canonical JSON (keys sorted,
 *                           no whitespace) of every field the sender sent, unknown ones included, with the
 *                           batch's {@code context} and {@code sentAt} folded in, {@code type} and
 *                           {@code messageId} filled in, and {@code writeKey} removed. Parsing it again as a
 *                           single message with the same receipt time yields an equal event.
 * @param messageIdGenerated whether the sender sent no {@code messageId} and the parser derived one
 */
public record AcceptedMessage(int index, Event event, String payload, boolean messageIdGenerated) {
    public AcceptedMessage {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(payload, "payload");
    }
}
