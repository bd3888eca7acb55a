package io.attune.store.ingest;

import io.attune.core.ingest.IncomingEvent;
import io.attune.store.codec.EventCodec;
import java.util.ArrayList;
import java.util.List;

/**
 * An incoming event with its stored form already written. Encoding happens on the thread that
 * submits (an HTTP worker), so that the single writer spends its time on what only it can do.
 */
record EncodedEvent(IncomingEvent incoming, String encoded) {

    static List<EncodedEvent> encodeAll(List<IncomingEvent> events) {
        List<EncodedEvent> encoded = new ArrayList<>(events.size());
        for (IncomingEvent event : events) {
            encoded.add(new EncodedEvent(event, EventCodec.encode(event.event())));
        }
        return List.copyOf(encoded);
    }
}
