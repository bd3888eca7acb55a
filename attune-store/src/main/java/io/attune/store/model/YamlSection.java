package io.attune.store.model;

import io.attune.store.model.YamlNode.Entry;
import io.attune.store.model.YamlNode.Mapping;
import io.attune.store.model.YamlNode.Scalar;
import io.attune.store.model.YamlNode.Sequence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed access to one mapping of a model file. Each accessor returns {@code null} (absent) for a
 * missing or empty key and reports a value of the wrong shape as a problem on the value's line,
 * naming the key by its path ({@code cap.count}) and the rule it belongs to.
 */
final class YamlSection {
    private final Mapping mapping;
    private final String where;
    private final String path;
    private final String rule;
    private final Problems problems;

    /**
     * @param where how messages name this section ("the model", "an engagement rule")
     * @param path the prefix of this section's keys in messages ("", "cap.", "account.")
     * @param rule the rule id (or committee role) problems belong to; {@code null} outside rules
     */
    YamlSection(Mapping mapping, String where, String path, String rule, Problems problems) {
        this.mapping = mapping;
        this.where = where;
        this.path = path;
        this.rule = rule;
        this.problems = problems;
    }

    Problems problems() {
        return problems;
    }

    void problem(int line, String message) {
        problems.add(line, rule, message);
    }

    /** Reports every key outside {@code allowed}, with the closest allowed key when there is one. */
    void allowOnly(List<String> allowed) {
        for (Entry entry : mapping.entries().values()) {
            if (allowed.contains(entry.key())) {
                continue;
            }
            String message = "unknown key " + entry.key() + " in " + where;
            message += Suggestions.closest(entry.key(), allowed)
                    .map(key -> "; did you mean " + key + "?")
                    .orElse("; allowed keys: " + String.join(", ", allowed));
            problem(entry.line(), message);
        }
    }

    boolean has(String key) {
        return value(key).isPresent();
    }

    /** The line of {@code key} itself, or of this section when the key is absent. */
    int lineOf(String key) {
        return mapping.entry(key).map(Entry::line).orElse(mapping.line());
    }

    Map<String, Integer> keyLines() {
        Map<String, Integer> lines = new LinkedHashMap<>();
        mapping.entries().values().forEach(entry -> lines.put(entry.key(), entry.line()));
        return lines;
    }

    String text(String key) {
        Optional<YamlNode> value = value(key);
        if (value.isEmpty()) {
            return null;
        }
        if (value.get() instanceof Scalar scalar) {
            return scalar.text();
        }
        problem(value.get().line(), path + key + " must be text, not " + value.get().describe());
        return null;
    }

    /** The line where the text of {@code key} starts: the line after {@code |} for a block. */
    int textLineOf(String key) {
        return value(key).filter(Scalar.class::isInstance)
                .map(scalar -> ((Scalar) scalar).textLine())
                .orElse(lineOf(key));
    }

    Double number(String key) {
        Optional<YamlNode> value = value(key);
        if (value.isEmpty()) {
            return null;
        }
        if (value.get() instanceof Scalar scalar && scalar.isNumber()) {
            double number = scalar.number().doubleValue();
            if (Double.isFinite(number)) {
                return number;
            }
            problem(scalar.line(), path + key + " must be a finite number, not " + scalar.describe());
            return null;
        }
        problem(value.get().line(), path + key + " must be a number, not " + value.get().describe());
        return null;
    }

    Integer wholeNumber(String key) {
        Optional<YamlNode> value = value(key);
        if (value.isEmpty()) {
            return null;
        }
        if (value.get() instanceof Scalar scalar && scalar.isNumber()
                && (scalar.number() instanceof Integer || scalar.number() instanceof Long)
                && scalar.number().longValue() == scalar.number().intValue()) {
            return scalar.number().intValue();
        }
        problem(value.get().line(), path + key + " must be a whole number, not " + value.get().describe());
        return null;
    }

    /** A list of texts; {@code null} when absent. */
    List<String> texts(String key) {
        Optional<YamlNode> value = value(key);
        if (value.isEmpty()) {
            return null;
        }
        if (!(value.get() instanceof Sequence sequence)) {
            problem(value.get().line(), path + key + " must be a list such as [a, b], not " + value.get().describe());
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (YamlNode item : sequence.items()) {
            if (item instanceof Scalar scalar && !scalar.isNull() && !scalar.text().isBlank()) {
                texts.add(scalar.text());
            } else {
                problem(item.line(), "each item of " + path + key + " must be text, not " + item.describe());
            }
        }
        return texts;
    }

    /** A nested mapping as a section named {@code where}; empty when absent or of another shape. */
    Optional<YamlSection> section(String key, String where, String example) {
        Optional<YamlNode> value = value(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get() instanceof Mapping nested) {
            return Optional.of(new YamlSection(nested, where, path + key + ".", rule, problems));
        }
        problem(value.get().line(), path + key + " must be a mapping such as " + example + ", not "
                + value.get().describe());
        return Optional.empty();
    }

    /** The mappings listed under {@code key}; anything else in the list is reported. */
    List<Mapping> mappings(String key, String itemName) {
        Optional<YamlNode> value = value(key);
        if (value.isEmpty()) {
            return List.of();
        }
        if (!(value.get() instanceof Sequence sequence)) {
            problem(value.get().line(), path + key + " must be a list of " + itemName + "s, each item starting "
                    + "with '- ', not " + value.get().describe());
            return List.of();
        }
        List<Mapping> items = new ArrayList<>();
        for (YamlNode item : sequence.items()) {
            if (item instanceof Mapping itemMapping) {
                items.add(itemMapping);
            } else {
                problem(item.line(), "each item of " + path + key + " must be a " + itemName
                        + " (a mapping of keys such as id and when), not " + item.describe());
            }
        }
        return items;
    }

    /** The value of {@code key}, treating an empty value ({@code key:} or {@code ~}) as absent. */
    private Optional<YamlNode> value(String key) {
        return mapping.entry(key).map(Entry::value)
                .filter(node -> !(node instanceof Scalar scalar && scalar.isNull()));
    }
}
