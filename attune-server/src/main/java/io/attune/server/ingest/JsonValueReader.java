package io.attune.server.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one JSON value from a streaming parser into plain Java values ({@code Map}, {@code List},
 * {@code String}, {@code Boolean}, {@code Long}, {@code BigInteger}, {@code BigDecimal}, {@code null}).
 *
 * <p>Problems that concern only this value (a duplicate key, a string no database can store, nesting
 * over the limit, a number that does not convert) are recorded and reading goes on, so that one bad
 * message in a batch does not cost its neighbours. Only broken JSON syntax stops the parser.
 */
final class JsonValueReader {
    private final JsonParser parser;
    private final int maxDepth;
    private final Problems problems;

    JsonValueReader(JsonParser parser, int maxDepth, Problems problems) {
        this.parser = parser;
        this.maxDepth = maxDepth;
        this.problems = problems;
    }

    /**
     * Reads the value whose first token is the parser's current token and leaves the parser on its last.
     *
     * @param depth how many objects and arrays already enclose the value
     */
    Object read(FieldPath path, int depth) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT:
            case START_ARRAY:
                if (depth >= maxDepth) {
                    problems.add(path, "is nested more than " + maxDepth + " levels deep");
                    parser.skipChildren();
                    return null;
                }
                return token == JsonToken.START_OBJECT ? readObject(path, depth + 1) : readArray(path, depth + 1);
            case VALUE_STRING:
                return checked(parser.getText(), path);
            case VALUE_NUMBER_INT:
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? parser.getBigIntegerValue()
                        : (Object) parser.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return readDecimal(path);
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IllegalStateException("unexpected token " + token + " at the start of a value");
        }
    }

    private Map<String, Object> readObject(FieldPath path, int depth) throws IOException {
        Map<String, Object> fields = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            FieldPath child = path.child(name);
            checked(name, child);
            parser.nextToken();
            Object value = read(child, depth);
            if (fields.containsKey(name)) {
                problems.add(child, "is a duplicate key");
            } else {
                fields.put(name, value);
            }
        }
        return fields;
    }

    private List<Object> readArray(FieldPath path, int depth) throws IOException {
        List<Object> elements = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            elements.add(read(path.element(elements.size()), depth));
        }
        return elements;
    }

    private Object readDecimal(FieldPath path) throws IOException {
        try {
            return parser.getDecimalValue();
        } catch (NumberFormatException e) {
            // An exponent beyond BigDecimal's range; Jackson's message quotes the number, so it is dropped.
            problems.add(path, "is a number out of range");
            return null;
        }
    }

    private String checked(String text, FieldPath path) {
        storageProblem(text).ifPresent(problem -> problems.add(path, problem));
        return text;
    }

    /**
     * PostgreSQL text and jsonb cannot hold NUL, and an unpaired surrogate cannot be encoded as UTF-8;
     * either would fail later, in the store, after the message was acknowledged.
     */
    static Optional<String> storageProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return Optional.of("contains a NUL character");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("contains an unpaired UTF-16 surrogate");
            }
        }
        return Optional.empty();
    }
}
