package io.attune.core.rights;

import java.time.Instant;
import java.util.Objects;

/** The one extension a request may have: how many days it adds, why, when and by whom it was recorded. */
public record Extension(int days, String reason, Instant at, String recordedBy) {
    public static final int MAX_REASON = 500;

    public Extension {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Text.check(reason, "reason", MAX_REASON);
        if (days < 1) {
            throw new IllegalArgumentException("an extension adds at least one day");
        }
    }
}
