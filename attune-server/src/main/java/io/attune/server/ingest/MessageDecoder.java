package io.attune.server.ingest;

import io.attune.core.consent.ConsentReading;
import io.attune.core.consent.ConsentsOf;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Turns one message, already read as JSON, into a core event or the complete list of what is wrong with it. */
final class MessageDecoder {
    private static final String KIND_NAMES = "identify, track, page, screen, group, alias";

    private final EventTime eventTime;
    private final CanonicalJson canonical;

    MessageDecoder(EventTime eventTime, CanonicalJson canonical) {
        this.eventTime = eventTime;
        this.canonical = canonical;
    }

    /** One message as read from the body; {@code problems} already holds what reading it found. */
    record RawMessage(int index, FieldPath path, Map<String, Object> fields, Optional<EventKind> endpointKind,
            Problems problems) {
    }

    /** What a batch's envelope lends each of its messages; {@link #NONE} for single-endpoint bodies. */
    record BatchDefaults(Map<String, Object> context, Optional<String> sentAtText, Optional<Instant> sentAt) {
        static final BatchDefaults NONE = new BatchDefaults(Map.of(), Optional.empty(), Optional.empty());
    }

    sealed interface Decoded permits Accepted, Refused {
    }

    record Accepted(AcceptedMessage message) implements Decoded {
    }

    record Refused(List<MessageError> errors) implements Decoded {
    }

    Decoded decode(RawMessage raw, BatchDefaults defaults, Instant receivedAt) {
        MessageFields fields = new MessageFields(raw.fields(), raw.path(), raw.problems());
        Optional<EventKind> kind = kind(raw, fields);
        Optional<String> messageId = messageId(fields);
        Optional<String> userId = fields.id("userId");
        Optional<String> anonymousId = fields.id("anonymousId");
        Map<String, Object> context = mergedContext(defaults.context(), fields.object("context"));
        Map<String, Object> properties = fields.object("properties");
        Map<String, Object> traits = fields.object("traits");
        Instant timestamp = eventTime.resolve(raw.fields(), defaults.sentAt(), receivedAt, raw.path(), raw.problems());
        requireIdentity(kind, userId, anonymousId, fields);
        Attributes contextAttributes = fields.attributes("context", context);
        Optional<Function<EventHeader, Event>> construct = kind.map(k -> constructor(k, fields, properties, traits));
        if (!raw.problems().isEmpty() || construct.isEmpty()) {
            return new Refused(raw.problems().errors());
        }
        Map<String, Object> effective = effectiveMessage(raw.fields(), kind.get(), context, defaults);
        MessageId id = messageId.map(MessageId::new).orElseGet(() -> canonical.derivedId(effective));
        effective.put("messageId", id.value());
        try {
            EventHeader header = new EventHeader(id, userId.orElse(null), anonymousId.orElse(null), timestamp,
                    receivedAt, contextAttributes);
            Event event = construct.get().apply(header);
            if (!consentsRead(event, raw)) {
                return new Refused(raw.problems().errors());
            }
            return new Accepted(new AcceptedMessage(raw.index(), event, canonical.write(extras(effective, kind.get())),
                    messageId.isEmpty()));
        } catch (IllegalArgumentException e) {
            // The fields above were checked against the core's rules; this catches a rule the core adds later.
            raw.problems().add(raw.path(), Objects.requireNonNullElse(e.getMessage(), "is not a valid event"));
            return new Refused(raw.problems().errors());
        }
    }

    /**
     * Consents an event carries (identify {@code traits.consent}, {@code Consent Updated}, inbound
     * messages) are read here as the writer will read them, so that a bad consent field refuses the
     * message and is named, instead of being left out of the ledger.
     */
    private static boolean consentsRead(Event event, RawMessage raw) {
        ConsentReading reading = ConsentsOf.event(event);
        String prefix = raw.path().render();
        reading.problems().forEach(problem -> raw.problems().add(prefix.isEmpty() ? problem.field()
                : prefix + "." + problem.field(), problem.message()));
        return reading.valid();
    }

    /** A batch message names its type; a single-endpoint message may repeat the endpoint's, but not contradict it. */
    private static Optional<EventKind> kind(RawMessage raw, MessageFields fields) {
        Object type = fields.get("type");
        Optional<EventKind> named = type instanceof String text
                ? EventKind.fromWireName(text.toLowerCase(Locale.ROOT))
                : Optional.empty();
        if (raw.endpointKind().isPresent()) {
            EventKind endpoint = raw.endpointKind().get();
            if (type != null && !named.equals(raw.endpointKind())) {
                fields.error("type", "does not match the endpoint /v1/" + endpoint.wireName());
            }
            return raw.endpointKind();
        }
        if (type == null) {
            fields.error("type", "is required in a batch message");
        } else if (named.isEmpty()) {
            fields.error("type", "must be one of " + KIND_NAMES);
        }
        return named;
    }

    /** Absent or blank means "derive one"; anything else must be an id the core accepts. */
    private static Optional<String> messageId(MessageFields fields) {
        Object value = fields.get("messageId");
        if (value == null || value instanceof String text && text.isBlank()) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            fields.error("messageId", "must be a string");
            return Optional.empty();
        }
        if (text.length() > MessageId.MAX_LENGTH) {
            fields.error("messageId", "must be at most " + MessageId.MAX_LENGTH + " characters");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    private static void requireIdentity(Optional<EventKind> kind, Optional<String> userId,
            Optional<String> anonymousId, MessageFields fields) {
        // A present but malformed id already has its own error; "required" is for ids that are missing.
        if (kind.equals(Optional.of(EventKind.ALIAS))) {
            if (isMissing(fields.get("userId"))) {
                fields.error("userId", "is required for alias");
            }
        } else if (userId.isEmpty() && anonymousId.isEmpty() && isMissing(fields.get("userId"))
                && isMissing(fields.get("anonymousId"))) {
            fields.error("userId", "is required when anonymousId is absent");
        }
    }

    private static boolean isMissing(Object value) {
        return value == null || value instanceof String text && text.isBlank();
    }

    /** Batch context under the message's own: a key the message sets wins (Segment merges the two). */
    private static Map<String, Object> mergedContext(Map<String, Object> batchContext, Map<String, Object> own) {
        if (batchContext.isEmpty()) {
            return own;
        }
        Map<String, Object> merged = new LinkedHashMap<>(batchContext);
        merged.putAll(own);
        return merged;
    }

    /** Reads the kind's own fields now, so that every error is known before anything is built. */
    private static Function<EventHeader, Event> constructor(EventKind kind, MessageFields fields,
            Map<String, Object> properties, Map<String, Object> traits) {
        switch (kind) {
            case IDENTIFY: {
                Attributes attributes = fields.attributes("traits", traits);
                return header -> new Identify(header, attributes);
            }
            case TRACK: {
                String event = fields.requiredText("event", Track.MAX_NAME_LENGTH);
                Attributes attributes = fields.attributes("properties", properties);
                return header -> new Track(header, event, attributes);
            }
            case PAGE: {
                String name = fields.optionalText("name");
                String category = fields.optionalText("category");
                Attributes attributes = fields.attributes("properties", properties);
                return header -> new Page(header, name, category, attributes);
            }
            case SCREEN: {
                String name = fields.optionalText("name");
                Attributes attributes = fields.attributes("properties", properties);
                return header -> new Screen(header, name, attributes);
            }
            case GROUP: {
                String groupId = fields.requiredId("groupId");
                Attributes attributes = fields.attributes("traits", traits);
                return header -> new Group(header, groupId, attributes);
            }
            case ALIAS: {
                String previousId = fields.requiredId("previousId");
                return header -> new Alias(header, previousId);
            }
            default:
                throw new IllegalStateException("unknown event kind " + kind);
        }
    }

    /** The fields every event carries itself; the rest of a message is kept as its extras. */
    private static final Set<String> CARRIED = Set.of("type", "messageId", "userId", "anonymousId", "context");

    private static Set<String> carried(EventKind kind) {
        return switch (kind) {
            case IDENTIFY -> Set.of("traits");
            case TRACK -> Set.of("event", "properties");
            case PAGE -> Set.of("name", "category", "properties");
            case SCREEN -> Set.of("name", "properties");
            case GROUP -> Set.of("groupId", "traits");
            case ALIAS -> Set.of("previousId");
        };
    }

    /** What the message says beyond its event; stored beside the event so that nothing sent is lost. */
    private static Map<String, Object> extras(Map<String, Object> effective, EventKind kind) {
        Map<String, Object> extras = new LinkedHashMap<>(effective);
        extras.keySet().removeAll(CARRIED);
        extras.keySet().removeAll(carried(kind));
        return extras;
    }

    /**
     * The message as it was meant: everything the sender sent, with what the batch lent it made
     * explicit; its message id is derived from this when the sender gave none.
     */
    private static Map<String, Object> effectiveMessage(Map<String, Object> fields, EventKind kind,
            Map<String, Object> context, BatchDefaults defaults) {
        Map<String, Object> effective = new LinkedHashMap<>(fields);
        effective.remove("writeKey");
        effective.put("type", kind.wireName());
        if (!defaults.context().isEmpty()) {
            effective.put("context", context);
        }
        if (fields.get("sentAt") == null) {
            defaults.sentAtText().ifPresent(sentAt -> effective.put("sentAt", sentAt));
        }
        return effective;
    }
}
