package io.attune.server.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.event.EventKind;
import io.attune.server.ingest.ParseResult.Parsed;
import io.attune.server.ingest.ParseResult.Rejected;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The parser is total (every body yields a value, never an exception), all-or-nothing per message,
 * and deterministic.
 */
class SegmentParserProperties {
    static final Instant RECEIVED = Instant.parse("2024-05-01T12:00:00Z");

    /** JSON fragments and the values that have caused trouble elsewhere: escapes, huge numbers, odd text. */
    static final List<String> TOKENS = List.of(
            "{", "}", "[", "]", ":", ",", "\"", "\\", "\\u0000", "\\ud800", "\\uDC00", "\\\"", "\\n", "1", "-", "0",
            ".5", "e400", "1e-7", "9223372036854775808", "1e2147483648", "true", "false", "null", "NaN", " ", "\n",
            "\"batch\"", "\"type\"", "\"track\"", "\"identify\"", "\"alias\"", "\"group\"", "\"userId\"",
            "\"anonymousId\"", "\"event\"", "\"timestamp\"", "\"sentAt\"", "\"originalTimestamp\"",
            "\"2024-05-01T11:00:00Z\"", "\"context\"", "\"properties\"", "\"traits\"", "\"messageId\"",
            "\"writeKey\"", "\"groupId\"", "\"previousId\"", "\"k\"", "\u202E", "\uFEFF", "\uD800", "é", "\u0000");

    final SegmentParser parser = new SegmentParser();

    @Property
    void arbitrary_bytes_yield_a_value_never_an_exception(@ForAll byte[] body) {
        assertWellFormed(parser.parseBatch(body, RECEIVED));
        for (EventKind kind : EventKind.values()) {
            assertWellFormed(parser.parseSingle(kind, body, RECEIVED));
        }
        assertThat(GzipBody.inflate(body, 1_024)).isNotNull();
    }

    @Property
    void json_like_text_yields_a_value_never_an_exception(@ForAll("jsonLike") String text) {
        byte[] body = text.getBytes(UTF_8);

        assertWellFormed(parser.parseBatch(body, RECEIVED));
        assertWellFormed(parser.parseSingle(EventKind.TRACK, body, RECEIVED));
    }

    @Property
    void mutated_valid_batches_yield_a_value_never_an_exception(@ForAll("mutatedBatches") byte[] body) {
        assertWellFormed(parser.parseBatch(body, RECEIVED));
        assertWellFormed(parser.parseSingle(EventKind.IDENTIFY, body, RECEIVED));
    }

    @Property
    void each_message_is_accepted_or_rejected_whole(@ForAll("batchesWithOddFields") List<String> messages) {
        ParseResult result = parser.parseBatch(batchOf(messages), RECEIVED);

        assertWellFormed(result);
        if (result instanceof Parsed parsed) {
            Set<Integer> seen = new TreeSet<>();
            parsed.accepted().forEach(message -> seen.add(message.index()));
            parsed.errors().forEach(error -> seen.add(error.index()));
            assertThat(seen).containsExactlyElementsOf(
                    IntStream.range(0, messages.size()).boxed().collect(Collectors.toList()));
        }
    }

    @Property
    void single_messages_are_accepted_or_rejected_whole(@ForAll("messagesWithOddFields") String message) {
        ParseResult result = parser.parseSingle(EventKind.TRACK, message.getBytes(UTF_8), RECEIVED);

        assertWellFormed(result);
        if (result instanceof Parsed parsed) {
            assertThat(parsed.accepted().size() == 1).isNotEqualTo(parsed.hasErrors());
        }
    }

    @Property
    void a_valid_message_parsed_twice_yields_equal_events(@ForAll("validMessages") String message) {
        byte[] body = batchOf(List.of(message));

        ParseResult first = parser.parseBatch(body, RECEIVED);
        ParseResult second = new SegmentParser().parseBatch(body.clone(), RECEIVED);

        assertThat(first).isInstanceOf(Parsed.class);
        assertThat(((Parsed) first).errors()).isEmpty();
        assertThat(((Parsed) first).accepted()).hasSize(1);
        assertThat(second).isEqualTo(first);
    }

    @Property
    void a_retry_with_a_new_sent_at_gets_the_same_message_id(@ForAll("validMessages") String message) {
        Parsed first = (Parsed) parser.parseBatch(batchOf(List.of(message), "2024-05-01T11:59:00Z"), RECEIVED);
        Parsed retry = (Parsed) parser.parseBatch(batchOf(List.of(message), "2024-05-01T11:59:30Z"),
                RECEIVED.plusSeconds(30));

        assertThat(retry.accepted().get(0).event().messageId()).isEqualTo(first.accepted().get(0).event().messageId());
    }

    @Property
    void extras_hold_no_field_the_event_carries(@ForAll("validMessages") String message) {
        AcceptedMessage accepted = ((Parsed) parser.parseBatch(batchOf(List.of(message)), RECEIVED)).accepted().get(0);

        assertThat(accepted.extras()).doesNotContain("\"messageId\"", "\"userId\"", "\"anonymousId\"",
                "\"context\"", "\"type\"", "\"properties\"", "\"traits\"", "\"writeKey\"");
    }

    @Property
    void any_authorization_header_yields_a_value(@ForAll String header, @ForAll("base64Like") String credentials) {
        assertThat(BasicAuth.writeKey(header)).isNotNull();
        assertThat(BasicAuth.writeKey("Basic " + credentials)).isNotNull();
    }

    /** A value, well-formed: accepted and rejected indexes are disjoint and in order. */
    static void assertWellFormed(ParseResult result) {
        assertThat(result).isNotNull();
        if (result instanceof Rejected rejected) {
            assertThat(rejected.error().message()).isNotBlank();
            return;
        }
        Parsed parsed = (Parsed) result;
        List<Integer> accepted = parsed.accepted().stream().map(AcceptedMessage::index).collect(Collectors.toList());
        List<Integer> rejected = parsed.errors().stream().map(MessageError::index).distinct().collect(Collectors.toList());
        assertThat(accepted).isSorted().doesNotHaveDuplicates();
        assertThat(Collections.disjoint(accepted, rejected)).isTrue();
        assertThat(rejected).isSorted();
        parsed.errors().forEach(error -> assertThat(error.message()).isNotBlank());
    }

    @Provide
    Arbitrary<String> jsonLike() {
        Arbitrary<String> text = Arbitraries.of(TOKENS).list().ofMaxSize(80).map(tokens -> String.join("", tokens));
        return Arbitraries.oneOf(text, text.map(t -> "{\"batch\":[" + t), text.map(t -> "{\"batch\":[{" + t + "}]}"),
                text.map(t -> "{\"type\":\"track\",\"userId\":\"u\"," + t + "}"));
    }

    @Provide
    Arbitrary<byte[]> mutatedBatches() {
        Arbitrary<byte[]> seeds = validMessages().list().ofMinSize(1).ofMaxSize(3).map(SegmentParserProperties::batchOf);
        Arbitrary<Mutation> mutations = Combinators.combine(
                Arbitraries.integers().between(0, 3), Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(1, 24), Arbitraries.of(TOKENS), Arbitraries.bytes())
                .as(Mutation::new);
        return Combinators.combine(seeds, mutations.list().ofMinSize(1).ofMaxSize(5)).as((seed, list) -> {
            byte[] body = seed;
            for (Mutation mutation : list) {
                body = mutation.applyTo(body);
            }
            return body;
        });
    }

    @Provide
    Arbitrary<List<String>> batchesWithOddFields() {
        return messagesWithOddFields().list().ofMinSize(1).ofMaxSize(4);
    }

    /** A valid track message with one field, known or not, replaced by an arbitrary JSON value. */
    @Provide
    Arbitrary<String> messagesWithOddFields() {
        Arbitrary<String> field = Arbitraries.of("type", "userId", "anonymousId", "messageId", "event", "timestamp",
                "originalTimestamp", "sentAt", "properties", "traits", "context", "writeKey", "name", "unknown");
        return Combinators.combine(field, JsonValues.any(4)).as((name, value) -> {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("type", "\"track\"");
            fields.put("userId", "\"u-1\"");
            fields.put("event", "\"Pricing Viewed\"");
            fields.put("properties", "{\"plan\":\"PPO\"}");
            fields.put(name, value);
            return JsonValues.object(fields);
        });
    }

    @Provide
    Arbitrary<String> validMessages() {
        return JsonValues.validMessage();
    }

    @Provide
    Arbitrary<String> base64Like() {
        return Arbitraries.strings().withChars("ABCabc019+/=:-_ \u00e9").ofMaxLength(40);
    }

    static byte[] batchOf(List<String> messages) {
        return batchOf(messages, "2024-05-01T11:59:59Z");
    }

    static byte[] batchOf(List<String> messages, String sentAt) {
        return ("{\"sentAt\":\"" + sentAt + "\",\"context\":{\"library\":{\"name\":\"prop-test\"}},\"batch\":["
                + String.join(",", messages) + "]}").getBytes(UTF_8);
    }

    /** One byte-level edit: delete a run, insert a token, overwrite a byte, or duplicate a run. */
    record Mutation(int kind, double where, int length, String token, byte value) {
        byte[] applyTo(byte[] body) {
            int at = (int) (where * body.length);
            int end = Math.min(body.length, at + length);
            List<Byte> bytes = new ArrayList<>(body.length + 32);
            for (byte b : body) {
                bytes.add(b);
            }
            switch (kind) {
                case 0 -> bytes.subList(at, end).clear();
                case 1 -> insert(bytes, at, token.getBytes(UTF_8));
                case 2 -> {
                    if (at < bytes.size()) {
                        bytes.set(at, value);
                    }
                }
                default -> insert(bytes, at, copyOf(bytes.subList(at, end)));
            }
            byte[] out = new byte[bytes.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = bytes.get(i);
            }
            return out;
        }

        private static void insert(List<Byte> bytes, int at, byte[] inserted) {
            List<Byte> boxed = new ArrayList<>(inserted.length);
            for (byte b : inserted) {
                boxed.add(b);
            }
            bytes.addAll(at, boxed);
        }

        private static byte[] copyOf(List<Byte> run) {
            byte[] copy = new byte[run.size()];
            for (int i = 0; i < copy.length; i++) {
                copy[i] = run.get(i);
            }
            return copy;
        }
    }
}
