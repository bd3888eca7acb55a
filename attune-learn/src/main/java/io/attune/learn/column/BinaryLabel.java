package io.attune.learn.column;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a label column into converted / not converted. The positive value is the one that reads as
 * yes ({@code 1}, {@code yes}, {@code true}, {@code won}, …); with two values neither of which does,
 * it is the rarer one, since conversions are the minority in lead data.
 */
public final class BinaryLabel {
    private static final Set<String> POSITIVE = Set.of("1", "1.0", "yes", "y", "true", "t", "won", "converted",
            "positive", "sql", "customer");

    private BinaryLabel() {
    }

    /** The value that counts as positive among a column's values (missing ones ignored). */
    public static String positiveValue(String column, String[] values) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String value : values) {
            if (!MissingValues.isMissing(value)) {
                counts.merge(value.strip(), 1, Integer::sum);
            }
        }
        if (counts.size() != 2) {
            throw new IllegalArgumentException("the label column '" + column + "' must have exactly two values; it has "
                    + counts.size() + (counts.size() <= 10 ? " " + counts.keySet() : ""));
        }
        for (String value : counts.keySet()) {
            if (POSITIVE.contains(value.toLowerCase(Locale.ROOT))) {
                return value;
            }
        }
        return counts.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }
}
