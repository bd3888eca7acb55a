package io.attune.server.ingest;

import io.attune.core.event.EventKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of JSON text for the parser's properties: hostile values and valid Segment messages. */
final class JsonValues {
    private JsonValues() {
    }

    /** Scalars chosen to hit every branch of the parser's value handling. */
    private static final List<String> ODD_SCALARS = List.of(
            "null", "true", "false", "0", "-1", "1.50", "1e400", "-1e-400", "1e2147483648", "12345678901234567890123",
            "\"\"", "\"   \"", "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00x\"", "\"\\ud83d\\ude00\"", "\"\u202Egpj.exe\"",
            "\"' OR 1=1; --\"", "\"2024-05-01T11:00:00Z\"", "\"1999-12-31T23:59:59Z\"", "\"2999-01-01T00:00:00Z\"",
            "\"2024-05-01T11:00:00\"", "\"track\"", "\"IDENTIFY\"", "\"" + "x".repeat(300) + "\"");

    /** Any JSON value up to {@code depth} levels of objects and arrays, odd values included. */
    static Arbitrary<String> any(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.of(ODD_SCALARS), Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf).filter(d -> !d.contains("N") && !d.contains("I")),
                safeText().map(JsonValues::quoted));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<String> inner = any(depth - 1);
        Arbitrary<String> array = inner.list().ofMaxSize(3).map(values -> "[" + String.join(",", values) + "]");
        // a small key set so that duplicate keys turn up
        Arbitrary<String> object = Combinators.combine(Arbitraries.of("a", "b", "type", "userId", ""), inner)
                .as((key, value) -> quoted(key) + ":" + value)
                .list().ofMaxSize(3).map(members -> "{" + String.join(",", members) + "}");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, scalar), net.jqwik.api.Tuple.of(1, array), net.jqwik.api.Tuple.of(1, object));
    }

    /** A message every rule accepts, with or without messageId, timestamps, numeric ids and batch-like extras. */
    static Arbitrary<String> validMessage() {
        Arbitrary<EventKind> kinds = Arbitraries.of(EventKind.class);
        Arbitrary<String> ids = Arbitraries.oneOf(
                safeText().filter(text -> !text.isBlank()).map(JsonValues::quoted),
                Arbitraries.longs().map(String::valueOf));
        Arbitrary<String> messageIds = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(36)
                .map(JsonValues::quoted).injectNull(0.5);
        Arbitrary<String> times = Arbitraries.integers().between(0, 100_000)
                .map(minutes -> quoted(SegmentParserProperties.RECEIVED.minusSeconds(minutes * 60L).toString()))
                .injectNull(0.5);
        Arbitrary<String> attributes = safeObject(2);
        return Combinators.combine(kinds, ids, messageIds, times, times, attributes, safeText())
                .as((kind, id, messageId, timestamp, originalTimestamp, attrs, name) -> {
                    Map<String, String> fields = new LinkedHashMap<>();
                    fields.put("type", quoted(kind.wireName()));
                    fields.put(kind == EventKind.ALIAS || id.length() % 2 == 0 ? "userId" : "anonymousId", id);
                    put(fields, "messageId", messageId);
                    put(fields, "timestamp", timestamp);
                    put(fields, "originalTimestamp", originalTimestamp);
                    fields.put("context", "{\"ip\":\"192.0.2.1\"}");
                    fields.put("channel", "\"server\"");
                    switch (kind) {
                        case TRACK -> {
                            fields.put("event", quoted(name.isBlank() ? "Viewed" : name));
                            fields.put("properties", attrs);
                        }
                        case PAGE, SCREEN -> {
                            fields.put("name", quoted(name));
                            fields.put("properties", attrs);
                        }
                        case GROUP -> {
                            fields.put("groupId", id);
                            fields.put("traits", attrs);
                        }
                        case ALIAS -> fields.put("previousId", quoted("anon-" + id.length()));
                        default -> fields.put("traits", attrs);
                    }
                    return object(fields);
                });
    }

    /** Objects of finite numbers and storable text: what well-behaved SDKs send. */
    private static Arbitrary<String> safeObject(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().between(-1e12, 1e12).map(String::valueOf),
                Arbitraries.of("true", "false", "null", "1.50", "12345678901234567890123"),
                safeText().map(JsonValues::quoted));
        Arbitrary<String> value = depth == 0 ? scalar : Arbitraries.oneOf(scalar, safeObject(depth - 1));
        return Combinators.combine(safeText().ofMaxLength(8), value).as((key, v) -> new String[] {key, v})
                .list().ofMaxSize(4)
                .map(members -> {
                    Map<String, String> unique = new LinkedHashMap<>();
                    members.forEach(member -> unique.put(member[0], member[1]));
                    return object(unique);
                });
    }

    /** Text with no NUL and no unpaired surrogate, including right-to-left marks and emoji. */
    private static net.jqwik.api.arbitraries.StringArbitrary safeText() {
        return Arbitraries.strings().withCharRange(' ', '\u07FF').withChars("\u202E\u200F\uFEFF").ofMaxLength(12);
    }

    static String object(Map<String, String> fields) {
        List<String> members = new ArrayList<>(fields.size());
        fields.forEach((key, value) -> members.add(quoted(key) + ":" + value));
        return members.stream().collect(Collectors.joining(",", "{", "}"));
    }

    private static void put(Map<String, String> fields, String key, String value) {
        if (value != null) {
            fields.put(key, value);
        }
    }

    static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < ' ') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
