package io.attune.core.model;

import java.util.Objects;
import java.util.regex.Pattern;

/** Names a rule within a model, e.g. {@code pricing_page}. */
public record RuleId(String value) {
    private static final Pattern SHAPE = Pattern.compile("[a-z][a-z0-9_.-]{0,63}");

    public RuleId {
        Objects.requireNonNull(value, "rule id");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "rule ids are 1-64 lower-case letters, digits, '_', '.' or '-', starting with a letter");
        }
    }

    public static boolean isValid(String candidate) {
        return candidate != null && SHAPE.matcher(candidate).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
