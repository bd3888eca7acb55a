package io.attune.core.event;

import java.util.Objects;

/** A mobile app screen view. */
public record Screen(EventHeader header, String name, Attributes properties) implements Event {
    public Screen {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(properties, "properties");
        name = name == null ? "" : name;
    }

    @Override
    public EventKind kind() {
        return EventKind.SCREEN;
    }

    @Override
    public Attributes attributes() {
        return properties;
    }
}
