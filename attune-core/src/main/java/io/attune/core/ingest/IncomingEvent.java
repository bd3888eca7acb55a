package io.attune.core.ingest;

import io.attune.core.event.Event;
import java.util.Objects;

/**
 * A parsed event with the message exactly as it arrived, kept beside the event so that fields
 * Attune does not use are never lost.
 */
public record IncomingEvent(Event event, String original) {
    public IncomingEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(original, "original");
    }
}
