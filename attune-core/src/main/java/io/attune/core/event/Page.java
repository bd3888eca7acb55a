package io.attune.core.event;

import java.util.Objects;

/** A web page view; {@code name} and {@code category} may be empty, properties carry path, url, title, referrer. */
public record Page(EventHeader header, String name, String category, Attributes properties) implements Event {
    public Page {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(properties, "properties");
        name = name == null ? "" : name;
        category = category == null ? "" : category;
    }

    @Override
    public EventKind kind() {
        return EventKind.PAGE;
    }

    @Override
    public Attributes attributes() {
        return properties;
    }
}
