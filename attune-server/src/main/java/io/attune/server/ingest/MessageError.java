package io.attune.server.ingest;

import java.util.Objects;

/**
 * One reason one message was rejected. A message with any error is rejected whole.
 *
 * @param index   the message's position in the batch, 0 for a single-endpoint body
 * @param field   the path of the bad field: {@code batch[3].timestamp} in a batch, {@code userId} in a
 *                single-endpoint body; {@code batch[3]} for a batch message as a whole, and the empty
 *                string for a single-endpoint message as a whole
 * @param message what is wrong, never quoting the value
 */
public record MessageError(int index, String field, String message) {
    public MessageError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
