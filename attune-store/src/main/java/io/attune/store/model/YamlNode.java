package io.attune.store.model;

import com.fasterxml.jackson.core.JsonToken;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A YAML value that remembers the file line it starts on; {@link YamlTree} builds them. */
sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {

    /** The 1-based file line where this value starts. */
    int line();

    /** How a message names this value: {@code a list}, {@code a mapping}, or the scalar's text in quotes. */
    String describe();

    /**
     * A scalar as Jackson resolved it: {@code token} says whether YAML read it as a number,
     * a boolean, null or text; {@code number} holds the value of numeric scalars. {@code textLine}
     * is where the text itself begins, which for a block scalar ({@code |} or {@code >}) is the
     * line after its indicator.
     */
    record Scalar(JsonToken token, String text, Number number, int line, int textLine) implements YamlNode {
        boolean isNull() {
            return token == JsonToken.VALUE_NULL;
        }

        boolean isNumber() {
            return number != null;
        }

        @Override
        public String describe() {
            return isNull() ? "empty" : "\"" + text + "\"";
        }
    }

    /** A key of a mapping with the line it is written on. */
    record Entry(String key, int line, YamlNode value) {
    }

    record Mapping(int line, Map<String, Entry> entries) implements YamlNode {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        Optional<Entry> entry(String key) {
            return Optional.ofNullable(entries.get(key));
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    record Sequence(int line, List<YamlNode> items) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }
}
