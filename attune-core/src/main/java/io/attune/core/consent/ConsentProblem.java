package io.attune.core.consent;

import java.util.Objects;

/** One thing wrong with a consent as sent: the field, by its path in the message or body, and why. */
public record ConsentProblem(String field, String message) {
    public ConsentProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
