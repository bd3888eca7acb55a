package io.attune.core.event;

import java.util.Objects;

/** The sender's id of one message; a retried message carries the same id and is recorded once. */
public record MessageId(String value) {
    public static final int MAX_LENGTH = 200;

    public MessageId {
        Objects.requireNonNull(value, "message id");
        if (value.isBlank() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("message id must be 1-" + MAX_LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
