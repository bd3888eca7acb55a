package io.attune.core.event;

import java.util.Objects;

/** Ties the user to an organisation ({@code groupId}) and describes it with traits. */
public record Group(EventHeader header, String groupId, Attributes traits) implements Event {
    public Group {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(traits, "traits");
        if (groupId == null || groupId.isBlank()) {
            throw new IllegalArgumentException("groupId is required");
        }
        if (groupId.length() > EventHeader.MAX_ID_LENGTH) {
            throw new IllegalArgumentException("groupId must be at most " + EventHeader.MAX_ID_LENGTH + " characters");
        }
    }

    @Override
    public EventKind kind() {
        return EventKind.GROUP;
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
