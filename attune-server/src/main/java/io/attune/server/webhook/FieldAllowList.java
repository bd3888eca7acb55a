package io.attune.server.webhook;

import java.util.Arrays;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The trait names a destination may receive. Names are top-level trait keys; a nested object (such
 * as {@code company} or {@code address}) goes whole when its key is allowed. Nothing is allowed by
 * default: a person's traits never leave unless the destination names them. Applied again when a
 * message is rendered, so narrowing a destination's list also holds for messages already queued.
 */
public record FieldAllowList(Set<String> names) {
    public static final FieldAllowList NONE = new FieldAllowList(Set.of());

    public FieldAllowList {
        Objects.requireNonNull(names, "names");
        for (String name : names) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("an allowed field name is a trait key, never blank");
            }
        }
        names = Collections.unmodifiableSet(new TreeSet<>(names));
    }

    public static FieldAllowList of(String... names) {
        return new FieldAllowList(Set.copyOf(Arrays.asList(names)));
    }

    public boolean allows(String name) {
        return names.contains(name);
    }
}
