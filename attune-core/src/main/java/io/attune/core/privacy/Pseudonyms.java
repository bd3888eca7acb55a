package io.attune.core.privacy;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Rotating pseudonymous ids in place of user ids ("ID masking", TRK-05): {@code psn_} and 24 hex
 * digits of a keyed hash of the destination (so two vendors cannot join their data on it), the
 * rotation period the message falls in, and the id. Deterministic for a message, so a retry sends
 * the same pseudonym; a different one each period, and none that can be reversed without the key.
 */
public final class Pseudonyms {
    public static final String PREFIX = "psn_";

    private final KeyedHash key;
    private final Duration rotation;

    public Pseudonyms(KeyedHash key, Duration rotation) {
        this.key = Objects.requireNonNull(key, "key");
        this.rotation = Objects.requireNonNull(rotation, "rotation");
        if (rotation.compareTo(Duration.ofHours(1)) < 0) {
            throw new IllegalArgumentException("pseudonyms rotate at most every hour");
        }
    }

    /** The pseudonym of {@code id} for the destination {@code scope}, for a message of time {@code at}. */
    public String of(String scope, String id, Instant at) {
        long period = Math.floorDiv(at.toEpochMilli(), rotation.toMillis());
        return PREFIX + key.hex(scope + '\u0000' + period + '\u0000' + id, 24);
    }

    public Duration rotation() {
        return rotation;
    }
}
