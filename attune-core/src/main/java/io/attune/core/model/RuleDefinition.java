package io.attune.core.model;

import java.util.List;

/**
 * One rule as written in a model file, before checking. Every field but {@code line} may be
 * {@code null} (absent); {@code whenLine} is the file line where the condition's first line is.
 *
 * @param cap a cap such as {@code {count: 3, per: 7d}}, as count and window text
 */
public record RuleDefinition(
        String id, int line, String description, String kind, List<String> names, String when, int whenLine,
        Double points, Integer capCount, String capPer, Double maxPoints, String reason, String role) {

    public RuleDefinition {
        names = names == null ? List.of() : List.copyOf(names);
    }
}
