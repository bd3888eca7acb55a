package io.attune.core.outcome;

import java.util.regex.Pattern;

/**
 * Where updates came from, as the sender names it: {@code salesforce}, {@code hubspot}, or by default
 * {@code api} for the HTTP endpoint and {@code csv} for the import.
 */
public record OutcomeSource(String value) {
    // before the constants, which the constructor checks against it
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    public static final OutcomeSource API = new OutcomeSource("api");
    public static final OutcomeSource CSV = new OutcomeSource("csv");

    public OutcomeSource {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("a source is 1-64 lower-case letters, digits, '.', '_' or '-'");
        }
    }
}
