package io.attune.core.event;

import java.util.Locale;
import java.util.Optional;

/** The six message types of the Segment Tracking API. */
public enum EventKind {
    IDENTIFY, TRACK, PAGE, SCREEN, GROUP, ALIAS;

    /** Worked out once: the writer names a kind or stage for every row it writes. */
    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
    }

    public static Optional<EventKind> fromWireName(String name) {
        for (EventKind kind : values()) {
            if (kind.wireName().equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
