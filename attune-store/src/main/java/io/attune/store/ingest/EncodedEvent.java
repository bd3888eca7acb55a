package io.attune.store.ingest;

import io.attune.core.ingest.IncomingEvent;
import io.attune.core.workspace.WorkspaceId;
import io.attune.store.codec.EventCodec;
import io.attune.store.crypto.CellAddress;
import io.attune.store.crypto.CellCipher;
import java.util.ArrayList;
import java.util.List;

/**
 * An incoming event with its stored form (the event and its extras, sealed) already written.
 * Encoding and sealing happen on the thread that submits (an HTTP worker), so that the single
 * writer spends its time on what only it can do.
 */
record EncodedEvent(IncomingEvent incoming, String encoded, String extras) {

    static List<EncodedEvent> encodeAll(WorkspaceId workspace, List<IncomingEvent> events, CellCipher cipher) {
        List<EncodedEvent> encoded = new ArrayList<>(events.size());
        for (IncomingEvent event : events) {
            String messageId = event.event().messageId().value();
            encoded.add(new EncodedEvent(event,
                    cipher.seal(EventCodec.encode(event.event()), CellAddress.eventBody(workspace.value(), messageId)),
                    cipher.seal(event.extras(), CellAddress.eventExtras(workspace.value(), messageId))));
        }
        return List.copyOf(encoded);
    }
}
