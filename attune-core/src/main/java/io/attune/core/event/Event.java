package io.attune.core.event;

import java.time.Instant;

/** One ingested message of the Segment Tracking API, already validated. */
public sealed interface Event permits Identify, Track, Page, Screen, Group, Alias {

    EventHeader header();

    EventKind kind();

    /** The name rules match on: the track event name, the page or screen name, or empty. */
    String name();

    /** Track and page/screen properties, identify and group traits. */
    Attributes attributes();

    default MessageId messageId() {
        return header().messageId();
    }

    default Instant timestamp() {
        return header().timestamp();
    }
}
