package io.attune.core.event;

import java.util.Objects;

/** Who the user is: traits such as email, title, company, state. */
public record Identify(EventHeader header, Attributes traits) implements Event {
    public Identify {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(traits, "traits");
    }

    @Override
    public EventKind kind() {
        return EventKind.IDENTIFY;
    }

    @Override
    public String name() {
        return "";
    }

    @Override
    public Attributes attributes() {
        return traits;
    }
}
