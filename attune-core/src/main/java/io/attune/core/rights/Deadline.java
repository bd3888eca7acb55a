package io.attune.core.rights;

import java.time.Instant;
import java.util.Objects;

/**
 * When a request must be answered and under which law: {@code due} is the statutory date, and
 * {@code extensionDays} how many days the law lets one extension add (0: it allows none).
 */
public record Deadline(PrivacyLaw law, Instant due, int extensionDays) {
    public Deadline {
        Objects.requireNonNull(law, "law");
        Objects.requireNonNull(due, "due");
        if (extensionDays < 0) {
            throw new IllegalArgumentException("extension days must not be negative");
        }
    }
}
