package io.attune.core.handoff;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A round-robin pool within a workspace, e.g. {@code employer-reps}: the destinations naming it
 * share its hand-offs, one destination each (see {@link Routing}).
 */
public record Pool(String value) {
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9-]{1,40}");

    public Pool {
        Objects.requireNonNull(value, "pool");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("a pool name is 1-40 lower-case letters, digits or '-'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
