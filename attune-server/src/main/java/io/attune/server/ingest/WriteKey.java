package io.attune.server.ingest;

import java.util.Objects;

/**
 * The secret that names a source and, through it, a workspace. Segment SDKs send it as the Basic-auth
 * user name or as a {@code writeKey} body field. Kept out of {@link #toString()} so it never reaches logs.
 */
public record WriteKey(String value) {
    public static final int MAX_LENGTH = 256;

    public WriteKey {
        Objects.requireNonNull(value, "write key");
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("write key must be 1-" + MAX_LENGTH + " visible ASCII characters");
        }
    }

    /** Visible ASCII only: a write key travels in headers and URLs, and ':' cannot be a Basic-auth user name. */
    public static boolean isWellFormed(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (c <= ' ' || c > '~' || c == ':') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "WriteKey[redacted]";
    }
}
