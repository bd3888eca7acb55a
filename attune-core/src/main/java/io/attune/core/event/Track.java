package io.attune.core.event;

import java.util.Objects;

/** An action the user took, named by {@code event} ("ROI Calculator Completed"). */
public record Track(EventHeader header, String event, Attributes properties) implements Event {
    public static final int MAX_NAME_LENGTH = 200;

    public Track {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(properties, "properties");
        if (event == null || event.isBlank()) {
            throw new IllegalArgumentException("event name is required");
        }
        if (event.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("event name must be at most " + MAX_NAME_LENGTH + " characters");
        }
    }

    @Override
    public EventKind kind() {
        return EventKind.TRACK;
    }

    @Override
    public String name() {
        return event;
    }

    @Override
    public Attributes attributes() {
        return properties;
    }
}
