package io.attune.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model as written in its file, before checking: what the YAML reader produces. Absent scalars
 * are {@code null}; {@code lines} gives the file line of each top-level key for error messages.
 */
public record ModelDefinition(
        String source, String id, Integer version, String segment, String description, Double decayPerQuarter,
        Double fitMin, Double threshold, GradesDefinition grades, List<RuleDefinition> fit,
        List<RuleDefinition> engagement, List<RuleDefinition> negative, List<RuleDefinition> disqualify,
        AccountDefinition account, LearnedDefinition learned, Map<String, Integer> lines) {

    public ModelDefinition {
        fit = fit == null ? List.of() : List.copyOf(fit);
        engagement = engagement == null ? List.of() : List.copyOf(engagement);
        negative = negative == null ? List.of() : List.copyOf(negative);
        disqualify = disqualify == null ? List.of() : List.copyOf(disqualify);
        lines = lines == null ? Map.of() : Map.copyOf(lines);
    }

    public int lineOf(String key) {
        return lines.getOrDefault(key, 1);
    }

    /** A grade × score matrix as written; cut-offs may be {@code null} when absent. */
    public record GradesDefinition(
            int line, Double fitA, Double fitB, Double fitC, Double engagement1, Double engagement2,
            Double engagement3, List<String> qualifying) {
    }

    /**
     * The learned section as written: {@code weights} by rule id in file order, {@code lines} the
     * line of each key by its path ({@code points}, {@code calibration.slope}, {@code weights.<id>}).
     */
    public record LearnedDefinition(int line, Double points, Double intercept, Map<String, Double> weights,
            Double slope, Double offset, String trainedOn, Map<String, Integer> lines) {

        public LearnedDefinition {
            weights = weights == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(weights));
            lines = lines == null ? Map.of() : Map.copyOf(lines);
        }

        public int lineOf(String key) {
            return lines.getOrDefault(key, line);
        }
    }

    /** The account section of a B2B model as written. */
    public record AccountDefinition(
            int line, Double fitMin, Double threshold, Integer coverageDays, Integer minRoles,
            List<RuleDefinition> fit, List<RuleDefinition> committee) {

        public AccountDefinition {
            fit = fit == null ? List.of() : List.copyOf(fit);
            committee = committee == null ? List.of() : List.copyOf(committee);
        }
    }
}
