package io.attune.core.event;

import java.util.Objects;

/** Says that {@code previousId} (an earlier user or anonymous id) and the header's user are one person. */
public record Alias(EventHeader header, String previousId) implements Event {
    public Alias {
        Objects.requireNonNull(header, "header");
        if (previousId == null || previousId.isBlank()) {
            throw new IllegalArgumentException("previousId is required");
        }
        if (previousId.length() > EventHeader.MAX_ID_LENGTH) {
            throw new IllegalArgumentException("previousId must be at most " + EventHeader.MAX_ID_LENGTH + " characters");
        }
        if (header.userId() == null) {
            throw new IllegalArgumentException("alias needs a userId");
        }
    }

    @Override
    public EventKind kind() {
        return EventKind.ALIAS;
    }

    @Override
    public String name() {
        return "";
    }

    @Override
    public Attributes attributes() {
        return Attributes.EMPTY;
    }
}
