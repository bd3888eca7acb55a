package io.attune.core.ingest;

import io.attune.core.event.Event;
import java.util.Objects;

/**
 * A parsed event and what its message said beyond it (unknown fields, clock readings as sent), as
 * JSON: stored beside the event so that nothing the sender sent is lost.
 */
public record IncomingEvent(Event event, String extras) {
    public IncomingEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(extras, "extras");
    }
}
