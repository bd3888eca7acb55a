package io.attune.core.ingest;

import io.attune.core.crisis.EventScreen;
import io.attune.core.crisis.Screening;
import io.attune.core.event.Event;
import java.util.Objects;

/**
 * A parsed event, what its message said beyond it (unknown fields, clock readings as sent) as JSON,
 * stored beside the event so that nothing the sender sent is lost, and what crisis screening found in
 * its free text. Screening depends on the event alone, so it runs where the event is made (an HTTP
 * worker, an import) rather than on the single writer.
 */
public record IncomingEvent(Event event, String extras, Screening screening) {
    public IncomingEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(extras, "extras");
        Objects.requireNonNull(screening, "screening");
    }

    /** The event screened with the standard phrase book, as recording would screen it. */
    public IncomingEvent(Event event, String extras) {
        this(event, extras, EventScreen.standard().screen(Objects.requireNonNull(event, "event")));
    }
}
