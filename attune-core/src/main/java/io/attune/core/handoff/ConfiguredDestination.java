package io.attune.core.handoff;

import java.util.List;
import java.util.Objects;

/** A destination and its signing secrets, newest first (two while a rotation is under way). */
public record ConfiguredDestination(Destination destination, List<String> secrets) {
    public ConfiguredDestination {
        Objects.requireNonNull(destination, "destination");
        secrets = List.copyOf(secrets);
    }
}
