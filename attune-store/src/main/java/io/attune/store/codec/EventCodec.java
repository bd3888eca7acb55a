package io.attune.store.codec;

import io.attune.core.event.Alias;
import io.attune.core.event.Attributes;
import io.attune.core.event.Event;
import io.attune.core.event.EventHeader;
import io.attune.core.event.EventKind;
import io.attune.core.event.Group;
import io.attune.core.event.Identify;
import io.attune.core.event.MessageId;
import io.attune.core.event.Page;
import io.attune.core.event.Screen;
import io.attune.core.event.Track;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Events as stored in the log: a JSON document that decodes to an equal event. */
public final class EventCodec {
    private EventCodec() {
    }

    public static String encode(Event event) {
        EventHeader header = event.header();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", event.kind().wireName());
        json.put("messageId", header.messageId().value());
        if (header.userId() != null) {
            json.put("userId", header.userId());
        }
        if (header.anonymousId() != null) {
            json.put("anonymousId", header.anonymousId());
        }
        json.put("timestamp", header.timestamp().toString());
        json.put("receivedAt", header.receivedAt().toString());
        json.put("context", header.context().asMap());
        if (event instanceof Identify identify) {
            json.put("traits", identify.traits().asMap());
        } else if (event instanceof Track track) {
            json.put("event", track.event());
            json.put("properties", track.properties().asMap());
        } else if (event instanceof Page page) {
            json.put("name", page.name());
            json.put("category", page.category());
            json.put("properties", page.properties().asMap());
        } else if (event instanceof Screen screen) {
            json.put("name", screen.name());
            json.put("properties", screen.properties().asMap());
        } else if (event instanceof Group group) {
            json.put("groupId", group.groupId());
            json.put("traits", group.traits().asMap());
        } else if (event instanceof Alias alias) {
            json.put("previousId", alias.previousId());
        }
        return Json.write(json);
    }

    public static Event decode(String text) {
        Map<String, Object> json = Json.read(text);
        EventHeader header = new EventHeader(new MessageId(Fields.text(json, "messageId")),
                Fields.optionalText(json, "userId"), Fields.optionalText(json, "anonymousId"),
                Instant.parse(Fields.text(json, "timestamp")), Instant.parse(Fields.text(json, "receivedAt")),
                Attributes.of(Fields.map(json, "context")));
        EventKind kind = EventKind.fromWireName(Fields.text(json, "type"))
                .orElseThrow(() -> new IllegalStateException("stored event has an unknown type"));
        return switch (kind) {
            case IDENTIFY -> new Identify(header, Attributes.of(Fields.map(json, "traits")));
            case TRACK -> new Track(header, Fields.text(json, "event"), Attributes.of(Fields.map(json, "properties")));
            case PAGE -> new Page(header, Fields.optionalText(json, "name"), Fields.optionalText(json, "category"),
                    Attributes.of(Fields.map(json, "properties")));
            case SCREEN -> new Screen(header, Fields.optionalText(json, "name"),
                    Attributes.of(Fields.map(json, "properties")));
            case GROUP -> new Group(header, Fields.text(json, "groupId"), Attributes.of(Fields.map(json, "traits")));
            case ALIAS -> new Alias(header, Fields.text(json, "previousId"));
        };
    }
}
