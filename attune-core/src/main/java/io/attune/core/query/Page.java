package io.attune.core.query;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of a listing and the opaque cursor of the next, absent on the last page. */
public record Page<T>(List<T> items, Optional<String> next) {
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(next, "next");
    }
}
