package io.attune.store.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.attune.core.event.Alias;
import io.attune.core.event.Attributes;
import io.attune.core.event.Event;
import io.attune.core.event.EventHeader;
import io.attune.core.event.EventKind;
import io.attune.core.event.Group;
import io.attune.core.event.Identify;
import io.attune.core.event.Instants;
import io.attune.core.event.MessageId;
import io.attune.core.event.Page;
import io.attune.core.event.Screen;
import io.attune.core.event.Track;
import java.io.IOException;
import java.util.Map;

/** Events as stored in the log: a JSON document that decodes to an equal event. */
public final class EventCodec {
    private static final JsonFactory FACTORY = new JsonFactory();

    private EventCodec() {
    }

    public static String encode(Event event) {
        return JsonWriter.write(json -> {
            EventHeader header = event.header();
            json.writeStartObject();
            json.writeStringField("type", event.kind().wireName());
            json.writeStringField("messageId", header.messageId().value());
            if (header.userId() != null) {
                json.writeStringField("userId", header.userId());
            }
            if (header.anonymousId() != null) {
                json.writeStringField("anonymousId", header.anonymousId());
            }
            json.writeStringField("timestamp", header.timestamp().toString());
            json.writeStringField("receivedAt", header.receivedAt().toString());
            JsonWriter.field(json, "context", header.context().asMap());
            if (event instanceof Identify identify) {
                JsonWriter.field(json, "traits", identify.traits().asMap());
            } else if (event instanceof Track track) {
                json.writeStringField("event", track.event());
                JsonWriter.field(json, "properties", track.properties().asMap());
            } else if (event instanceof Page page) {
                json.writeStringField("name", page.name());
                json.writeStringField("category", page.category());
                JsonWriter.field(json, "properties", page.properties().asMap());
            } else if (event instanceof Screen screen) {
                json.writeStringField("name", screen.name());
                JsonWriter.field(json, "properties", screen.properties().asMap());
            } else if (event instanceof Group group) {
                json.writeStringField("groupId", group.groupId());
                JsonWriter.field(json, "traits", group.traits().asMap());
            } else if (event instanceof Alias alias) {
                json.writeStringField("previousId", alias.previousId());
            }
            json.writeEndObject();
        });
    }

    public static Event decode(String text) {
        try (JsonParser json = FACTORY.createParser(text)) {
            return decode(json);
        } catch (IOException e) {
            throw new IllegalStateException("stored JSON could not be read: " + e.getMessage(), e);
        }
    }

    /** The event whose stored form is this UTF-8 text (as an opened cell gives it). */
    public static Event decode(byte[] utf8) {
        try (JsonParser json = FACTORY.createParser(utf8)) {
            return decode(json);
        } catch (IOException e) {
            throw new IllegalStateException("stored JSON could not be read: " + e.getMessage(), e);
        }
    }

    private static Event decode(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new IOException("a stored event is a JSON object");
        }
        Map<String, Object> json = JsonValues.object(parser);
        EventHeader header = new EventHeader(new MessageId(Fields.text(json, "messageId")),
                Fields.optionalText(json, "userId"), Fields.optionalText(json, "anonymousId"),
                Instants.parse(Fields.text(json, "timestamp")), Instants.parse(Fields.text(json, "receivedAt")),
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
