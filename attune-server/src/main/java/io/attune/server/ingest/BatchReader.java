package io.attune.server.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.attune.server.ingest.MessageDecoder.BatchDefaults;
import io.attune.server.ingest.MessageDecoder.RawMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a batch body's envelope ({@code batch}, {@code context}, {@code sentAt}, {@code writeKey}; other
 * fields such as {@code sequence} or a RudderStack batch {@code timestamp} are skipped) and each message
 * in it, measuring each message's size as its byte span in the body.
 */
final class BatchReader {
    private final JsonParser parser;
    private final SegmentLimits limits;

    BatchReader(JsonParser parser, SegmentLimits limits) {
        this.parser = parser;
        this.limits = limits;
    }

    sealed interface Outcome permits Envelope, Refused {
    }

    record Envelope(List<Element> elements, BatchDefaults defaults, Optional<WriteKey> writeKey) implements Outcome {
    }

    record Refused(RequestError error) implements Outcome {
    }

    /** One element of the {@code batch} array. */
    sealed interface Element permits Readable, Unreadable {
    }

    record Readable(RawMessage message, long bytes) implements Element {
    }

    record Unreadable(MessageError error) implements Element {
    }

    /** Reads the body; the parser must stand on the body's opening brace. */
    Outcome read() throws IOException {
        Set<String> seen = new HashSet<>();
        List<Element> elements = null;
        Object context = null;
        Object sentAt = null;
        Object writeKey = null;
        Problems problems = new Problems(-1);
        JsonValueReader reader = new JsonValueReader(parser, limits.maxDepth(), problems);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            if (!seen.add(name)) {
                return refused(name, "is a duplicate key");
            }
            switch (name) {
                case "batch":
                    if (parser.currentToken() != JsonToken.START_ARRAY) {
                        return refused(name, "must be an array of messages");
                    }
                    elements = new ArrayList<>();
                    Optional<RequestError> tooMany = readElements(elements);
                    if (tooMany.isPresent()) {
                        return new Refused(tooMany.get());
                    }
                    break;
                case "context":
                    // depth 1: the batch context ends up one level down, inside each message
                    context = reader.read(FieldPath.root(name), 1);
                    break;
                case "sentAt":
                    sentAt = reader.read(FieldPath.root(name), 1);
                    break;
                case "writeKey":
                    writeKey = reader.read(FieldPath.root(name), 1);
                    break;
                default:
                    parser.skipChildren();
            }
        }
        if (parser.nextToken() != null) {
            return new Refused(RequestError.ofBody(RequestError.Kind.MALFORMED_JSON,
                    "body has content after its JSON object"));
        }
        if (!problems.isEmpty()) {
            MessageError first = problems.errors().get(0);
            return refused(first.field(), first.message());
        }
        return envelope(elements, context, sentAt, writeKey);
    }

    private Optional<RequestError> readElements(List<Element> elements) throws IOException {
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            int index = elements.size();
            if (index == limits.maxMessagesPerBatch()) {
                return Optional.of(RequestError.ofField(RequestError.Kind.TOO_MANY_MESSAGES, "batch",
                        "holds more than " + limits.maxMessagesPerBatch() + " messages"));
            }
            FieldPath path = FieldPath.root("batch[" + index + "]");
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                elements.add(new Unreadable(new MessageError(index, path.render(), "must be an object")));
                continue;
            }
            long start = parser.currentTokenLocation().getByteOffset();
            Problems problems = new Problems(index);
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) new JsonValueReader(parser, limits.maxDepth(), problems)
                    .read(path, 0);
            long bytes = parser.currentLocation().getByteOffset() - start;
            elements.add(new Readable(new RawMessage(index, path, fields, Optional.empty(), problems), bytes));
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Outcome envelope(List<Element> elements, Object context, Object sentAt, Object writeKey) {
        if (elements == null) {
            return refused("batch", "is required");
        }
        if (context != null && !(context instanceof Map)) {
            return refused("context", "must be an object");
        }
        Optional<Instant> sentAtInstant = Optional.empty();
        if (sentAt != null) {
            EventTime.Reading reading = EventTime.read(sentAt);
            if (reading instanceof EventTime.Unreadable unreadable) {
                return refused("sentAt", unreadable.reason());
            }
            sentAtInstant = Optional.of(((EventTime.Read) reading).instant());
        }
        if (writeKey != null && !(writeKey instanceof String text && WriteKey.isWellFormed(text))) {
            return refused("writeKey", "must be 1-" + WriteKey.MAX_LENGTH + " visible ASCII characters");
        }
        BatchDefaults defaults = new BatchDefaults(
                context == null ? Map.of() : (Map<String, Object>) context,
                Optional.ofNullable((String) sentAt), sentAtInstant);
        return new Envelope(elements, defaults, Optional.ofNullable((String) writeKey).map(WriteKey::new));
    }

    private static Refused refused(String field, String message) {
        return new Refused(RequestError.ofField(RequestError.Kind.INVALID_FIELD, field, message));
    }
}
