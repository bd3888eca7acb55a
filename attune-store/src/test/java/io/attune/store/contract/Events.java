package io.attune.store.contract;

import io.attune.core.event.Attributes;
import io.attune.core.event.Event;
import io.attune.core.event.EventHeader;
import io.attune.core.event.Group;
import io.attune.core.event.Identify;
import io.attune.core.event.MessageId;
import io.attune.core.event.Page;
import io.attune.core.event.Track;
import io.attune.core.ingest.IncomingEvent;
import java.time.Instant;
import java.util.Map;

/** Builds realistic events for the store tests. */
final class Events {
    private Events() {
    }

    static EventHeader header(String messageId, String userId, String anonymousId, Instant at) {
        return new EventHeader(new MessageId(messageId), userId, anonymousId, at, at, Attributes.EMPTY);
    }

    static Event page(String messageId, String anonymousId, String path, Instant at) {
        return new Page(header(messageId, null, anonymousId, at), "", "", Attributes.of(Map.of("path", path)));
    }

    static Event track(String messageId, String userId, String anonymousId, String name, Instant at) {
        return new Track(header(messageId, userId, anonymousId, at), name, Attributes.EMPTY);
    }

    static Event identify(String messageId, String userId, String anonymousId, Map<String, ?> traits, Instant at) {
        return new Identify(header(messageId, userId, anonymousId, at), Attributes.of(traits));
    }

    static Event group(String messageId, String userId, String groupId, Map<String, ?> traits, Instant at) {
        return new Group(header(messageId, userId, null, at), groupId, Attributes.of(traits));
    }

    static IncomingEvent incoming(Event event) {
        return new IncomingEvent(event, "{\"messageId\":\"" + event.messageId().value() + "\"}");
    }
}
