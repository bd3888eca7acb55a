package io.attune.core.handoff;

import java.util.Objects;
import java.util.regex.Pattern;

/** Names a destination within its workspace, e.g. {@code hubspot} or {@code intake-team}. */
public record DestinationId(String value) {
    private static final Pattern SHAPE = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

    public DestinationId {
        Objects.requireNonNull(value, "destination id");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("destination ids are 1-64 lower-case letters, digits, '_' or '-', "
                    + "starting with a letter");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
