package io.attune.server.ingest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.attune.core.event.EventKind;
import io.attune.server.ingest.BatchReader.Envelope;
import io.attune.server.ingest.MessageDecoder.BatchDefaults;
import io.attune.server.ingest.MessageDecoder.Decoded;
import io.attune.server.ingest.MessageDecoder.RawMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Parses request bodies of the Segment Tracking API ({@code POST /v1/identify|track|page|screen|group|alias}
 * and {@code /v1/batch}, which {@code /v1/import} aliases) into core events. Total: every body yields a
 * {@link ParseResult}, never an exception. Thread-safe; build one per limits and share it.
 *
 * <h2>Bodies</h2>
 * A single-endpoint body is one message of at most {@link SegmentLimits#maxMessageBytes()} bytes. A batch
 * body is at most {@link SegmentLimits#maxBatchBytes()} bytes (after gzip inflation, see {@link GzipBody})
 * and holds {@code batch}, an array of messages each at most {@code maxMessageBytes} long as written in
 * the body; each message names its {@code type}. The batch may also carry {@code context}, merged under
 * each message's own context (the message's top-level keys win), and {@code sentAt}, used by messages
 * without their own. Other envelope fields ({@code sequence}, RudderStack's batch {@code timestamp}) are
 * ignored: they describe the upload, not the event. A {@code writeKey} body field is returned for the
 * HTTP layer to authenticate and is never stored.
 *
 * <h2>Event time</h2>
 * <ol>
 *   <li>The sender's clock reading is {@code originalTimestamp}, or else {@code timestamp} (Segment's
 *       server libraries put the caller's time there).</li>
 *   <li>With that reading and a {@code sentAt} (the message's, or the batch's), the event time is
 *       {@code receivedAt - (sentAt - reading)}: the sender's clock, however wrong, ran the same
 *       between recording and sending, and {@code sentAt} is taken to be {@code receivedAt}. This is
 *       Segment's clock-skew correction.</li>
 *   <li>Without {@code sentAt} the reading is the event time as-is: that is how senders import history.</li>
 *   <li>Without any reading, {@code receivedAt}.</li>
 * </ol>
 * Timestamps are ISO-8601 date-times with an offset ({@code Z}, {@code +01:00}, {@code +0100}) and up
 * to nine fraction digits. A present timestamp field that does not read is an error naming it, even
 * when rule 1 leaves it unused. The resulting event time must lie between
 * {@link SegmentLimits#earliestTimestamp()} and {@code receivedAt + }{@link SegmentLimits#maxFutureSkew()};
 * otherwise the error names the field the time came from. A {@code receivedAt} in the body is ignored.
 *
 * <h2>Message ids</h2>
 * A message without a {@code messageId} gets {@code "gen-"} and the SHA-256 of its canonical JSON
 * (sorted keys, batch context folded in) without {@code sentAt}, {@code messageId} and {@code writeKey}.
 * A retried copy therefore gets the same id and is recorded once downstream, even when the retry
 * carries a new {@code sentAt}. The cost: two genuinely separate messages that are identical in every
 * field, including their timestamps, are taken for one. Segment's SDKs always send a {@code messageId}.
 *
 * <h2>Fields and values</h2>
 * {@code userId} or {@code anonymousId} is required (alias requires {@code userId} and {@code previousId});
 * numeric ids are read as their decimal string. Track requires {@code event}, group {@code groupId}.
 * {@code properties}, {@code traits} and {@code context} must be objects; identify traits sent in
 * {@code context.traits} stay in the context. Unknown fields are kept in the message's extras. A message is
 * rejected whole when any field is wrong: a duplicate key, a string holding NUL or an unpaired surrogate
 * (no database stores them), objects and arrays nested deeper than {@link SegmentLimits#maxDepth()},
 * a number the core cannot hold. Right-to-left marks and text that looks like SQL are ordinary text.
 * Errors never quote values, which may be health data, and nothing here logs.
 */
public final class SegmentParser {
    /** Nesting this far past the message limit costs the whole body, not one message: it bounds parser work. */
    private static final int DOCUMENT_DEPTH_SLACK = 32;
    private static final int MAX_NUMBER_LENGTH = 1_000;

    private final SegmentLimits limits;
    private final JsonFactory json;
    private final MessageDecoder decoder;

    public SegmentParser() {
        this(SegmentLimits.DEFAULT);
    }

    public SegmentParser(SegmentLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.json = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth() + DOCUMENT_DEPTH_SLACK)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxStringLength(limits.maxBatchBytes())
                        .maxNameLength(limits.maxMessageBytes())
                        .maxDocumentLength(limits.maxBatchBytes())
                        .build())
                // parse errors must not carry the body, which may hold health data, into logs
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
        this.decoder = new MessageDecoder(new EventTime(limits), new CanonicalJson(json));
    }

    public SegmentLimits limits() {
        return limits;
    }

    /** Parses the body of {@code POST /v1/<kind>}; a {@code type} field, if any, must name the same kind. */
    public ParseResult parseSingle(EventKind kindFromPath, byte[] body, Instant receivedAt) {
        Objects.requireNonNull(kindFromPath, "kindFromPath");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Optional<RequestError> unreadable = unreadable(body, limits.maxMessageBytes());
        if (unreadable.isPresent()) {
            return new ParseResult.Rejected(unreadable.get());
        }
        try (JsonParser parser = json.createParser(body)) {
            Optional<RequestError> notAnObject = notAnObject(parser);
            if (notAnObject.isPresent()) {
                return new ParseResult.Rejected(notAnObject.get());
            }
            FieldPath root = FieldPath.root("");
            Problems problems = new Problems(0);
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) new JsonValueReader(parser, limits.maxDepth(), problems)
                    .read(root, 0);
            if (parser.nextToken() != null) {
                return malformed("body has content after its JSON object");
            }
            Object writeKey = fields.get("writeKey");
            if (writeKey != null && !(writeKey instanceof String text && WriteKey.isWellFormed(text))) {
                return new ParseResult.Rejected(RequestError.ofField(RequestError.Kind.INVALID_FIELD, "writeKey",
                        "must be 1-" + WriteKey.MAX_LENGTH + " visible ASCII characters"));
            }
            RawMessage raw = new RawMessage(0, root, fields, Optional.of(kindFromPath), problems);
            List<AcceptedMessage> accepted = new ArrayList<>(1);
            List<MessageError> errors = new ArrayList<>();
            collect(decoder.decode(raw, BatchDefaults.NONE, receivedAt), accepted, errors);
            return new ParseResult.Parsed(accepted, errors, Optional.ofNullable((String) writeKey).map(WriteKey::new));
        } catch (IOException e) {
            return new ParseResult.Rejected(readFailure(e));
        }
    }

    /** Parses the body of {@code POST /v1/batch} or {@code /v1/import}. */
    public ParseResult parseBatch(byte[] body, Instant receivedAt) {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Optional<RequestError> unreadable = unreadable(body, limits.maxBatchBytes());
        if (unreadable.isPresent()) {
            return new ParseResult.Rejected(unreadable.get());
        }
        try (JsonParser parser = json.createParser(body)) {
            Optional<RequestError> notAnObject = notAnObject(parser);
            if (notAnObject.isPresent()) {
                return new ParseResult.Rejected(notAnObject.get());
            }
            BatchReader.Outcome outcome = new BatchReader(parser, limits).read();
            if (outcome instanceof BatchReader.Refused refused) {
                return new ParseResult.Rejected(refused.error());
            }
            return decodeAll((Envelope) outcome, receivedAt);
        } catch (IOException e) {
            return new ParseResult.Rejected(readFailure(e));
        }
    }

    private ParseResult decodeAll(Envelope envelope, Instant receivedAt) {
        List<AcceptedMessage> accepted = new ArrayList<>(envelope.elements().size());
        List<MessageError> errors = new ArrayList<>();
        for (BatchReader.Element element : envelope.elements()) {
            if (element instanceof BatchReader.Unreadable unreadable) {
                errors.add(unreadable.error());
                continue;
            }
            BatchReader.Readable readable = (BatchReader.Readable) element;
            RawMessage raw = readable.message();
            if (readable.bytes() > limits.maxMessageBytes()) {
                errors.add(new MessageError(raw.index(), raw.path().render(), "is " + readable.bytes()
                        + " bytes long; a message may be at most " + limits.maxMessageBytes()));
                continue;
            }
            collect(decoder.decode(raw, envelope.defaults(), receivedAt), accepted, errors);
        }
        return new ParseResult.Parsed(accepted, errors, envelope.writeKey());
    }

    private static void collect(Decoded decoded, List<AcceptedMessage> accepted, List<MessageError> errors) {
        if (decoded instanceof MessageDecoder.Accepted message) {
            accepted.add(message.message());
        } else {
            errors.addAll(((MessageDecoder.Refused) decoded).errors());
        }
    }

    /**
     * Size and encoding, checked before parsing. Jackson would decode UTF-16 and UTF-32 silently, but the
     * Tracking API is UTF-8 and message sizes are measured in UTF-8 bytes.
     */
    private static Optional<RequestError> unreadable(byte[] body, int maxBytes) {
        Objects.requireNonNull(body, "body");
        if (body.length > maxBytes) {
            return Optional.of(RequestError.ofBody(RequestError.Kind.BODY_TOO_LARGE,
                    "body is " + body.length + " bytes long; at most " + maxBytes + " are accepted"));
        }
        boolean utf8Bom = body.length >= 3 && body[0] == (byte) 0xEF && body[1] == (byte) 0xBB && body[2] == (byte) 0xBF;
        boolean utf16Bom = body.length >= 2 && (body[0] == (byte) 0xFE && body[1] == (byte) 0xFF
                || body[0] == (byte) 0xFF && body[1] == (byte) 0xFE);
        int start = utf8Bom ? 3 : 0;
        for (int i = start; i < Math.min(body.length, start + 4); i++) {
            if (body[i] == 0) {
                return Optional.of(RequestError.ofBody(RequestError.Kind.MALFORMED_ENCODING, "body must be UTF-8 JSON"));
            }
        }
        return utf16Bom
                ? Optional.of(RequestError.ofBody(RequestError.Kind.MALFORMED_ENCODING, "body must be UTF-8 JSON"))
                : Optional.empty();
    }

    private static Optional<RequestError> notAnObject(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            return Optional.of(RequestError.ofBody(RequestError.Kind.MALFORMED_JSON, "body is empty"));
        }
        if (first != JsonToken.START_OBJECT) {
            return Optional.of(RequestError.ofBody(RequestError.Kind.NOT_AN_OBJECT, "body must be a JSON object"));
        }
        return Optional.empty();
    }

    private static ParseResult malformed(String message) {
        return new ParseResult.Rejected(RequestError.ofBody(RequestError.Kind.MALFORMED_JSON, message));
    }

    /** Jackson's own messages can quote the offending text, so only the position is passed on. */
    private static RequestError readFailure(IOException e) {
        if (e instanceof StreamConstraintsException limit) {
            // "... exceeds the maximum allowed (66, from `StreamReadConstraints...`)": keep the figures only
            String reason = limit.getOriginalMessage().replaceAll(", from `[^`]*`", "");
            return RequestError.ofBody(RequestError.Kind.LIMIT_EXCEEDED, "body exceeds a JSON limit: " + reason);
        }
        JsonLocation location = e instanceof JacksonException jackson ? jackson.getLocation() : null;
        String where = location == null || location.getLineNr() < 0
                ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        return RequestError.ofBody(RequestError.Kind.MALFORMED_JSON, "body is not valid JSON" + where);
    }
}
