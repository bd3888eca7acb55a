package io.attune.learn.column;

import java.util.Locale;
import java.util.Set;

/**
 * The placeholders that mean "no value" in exported CSVs: empty cells, {@code N/A}, and form
 * defaults such as {@code Select} that a person never changed — keeping them as a category would
 * teach a model about the form, not the lead.
 */
public final class MissingValues {
    private static final Set<String> PLACEHOLDERS = Set.of("", "na", "n/a", "n.a.", "nan", "null", "none", "nil",
            "select", "-- select --", "--select--", "please select", "unknown", "not set", "(not set)", "?", "-", "--",
            "(blank)", "blank", "#n/a", "undefined");

    private MissingValues() {
    }

    public static boolean isMissing(String value) {
        return value == null || PLACEHOLDERS.contains(value.strip().toLowerCase(Locale.ROOT));
    }
}
